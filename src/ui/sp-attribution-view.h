/* sp-attribution-view.h: working through a report's attributed passages.
 *
 * Lists every passage of the report that names a stakeholder or cites the
 * expert discussion, with its state (linked, proposed, rejected, no
 * candidate); for the chosen one it shows the report passage beside its
 * ranked transcript candidates, each with speaker, timestamp and score,
 * to accept (Enter) or to reject all. The check runs in a worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_ATTRIBUTION_VIEW (sp_attribution_view_get_type ())

G_DECLARE_FINAL_TYPE (SpAttributionView, sp_attribution_view, SP, ATTRIBUTION_VIEW, GtkWidget)

GtkWidget *sp_attribution_view_new           (void);
/* Keeps a reference; follows ::changed. Picks the first report and the
 * first transcript as the pair when there is one. */
void       sp_attribution_view_set_project   (SpAttributionView *self,
                                              SpProject         *project);
/* Checks @report_id against @transcript_id (starts the worker). */
void       sp_attribution_view_set_documents (SpAttributionView *self,
                                              gint64             report_id,
                                              gint64             transcript_id);
gint64     sp_attribution_view_get_report_id     (SpAttributionView *self);
gint64     sp_attribution_view_get_transcript_id (SpAttributionView *self);
/* TRUE while the check runs. */
gboolean   sp_attribution_view_is_busy       (SpAttributionView *self);

/* Signals:
 *   ::show-pair (gint64 report_id, gint64 start, gint64 end,
 *                gint64 transcript_id, gint64 start, gint64 end)
 *     the analyst asked to see a passage and a candidate in the
 *     side-by-side view;
 *   ::finished () the check (started by set_project or set_documents)
 *     is done and the list shows its result.
 */

G_END_DECLS
