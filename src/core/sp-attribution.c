/* sp-attribution.c: SCAFFOLD, to be implemented (helper A).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-attribution.h"
#include "sp-project-private.h"

#define NOT_YET(error) g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT, "not implemented yet")

void sp_attribution_candidate_free (SpAttributionCandidate *c) { if (c) { g_free (c->text); g_free (c->speaker); g_free (c); } }
void sp_attribution_free (SpAttribution *a) { if (a) { g_free (a->text); g_free (a->stakeholder); g_clear_pointer (&a->candidates, g_ptr_array_unref); g_free (a); } }
const char *sp_attribution_state_to_string (SpAttributionState state) { return "proposed"; }
const char *sp_attribution_state_get_label (SpAttributionState state) { return "Proposed"; }
GPtrArray *sp_project_check_attributions (SpProject *self, gint64 report_id, gint64 transcript_id, guint max_candidates, GCancellable *cancellable, GError **error) { return g_ptr_array_new_with_free_func ((GDestroyNotify) sp_attribution_free); }
gboolean sp_project_accept_attribution (SpProject *self, gint64 report_id, gint64 start, gint64 end, const SpAttributionCandidate *candidate, gint64 *out_link_id, GError **error) { NOT_YET (error); return FALSE; }
gboolean sp_project_reject_attribution (SpProject *self, gint64 report_id, gint64 start, gint64 end, GError **error) { NOT_YET (error); return FALSE; }
