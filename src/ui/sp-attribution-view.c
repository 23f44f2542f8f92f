/* sp-attribution-view.c: SCAFFOLD, to be implemented (helper D).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-attribution-view.h"

struct _SpAttributionView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (SpAttributionView, sp_attribution_view, GTK_TYPE_WIDGET)

static void
sp_attribution_view_class_init (SpAttributionViewClass *klass)
{
}

static void
sp_attribution_view_init (SpAttributionView *self)
{
}

GtkWidget *
sp_attribution_view_new (void)
{
  return g_object_new (SP_TYPE_ATTRIBUTION_VIEW, NULL);
}

void sp_attribution_view_set_project (SpAttributionView *self, SpProject *project) {}
void sp_attribution_view_set_documents (SpAttributionView *self, gint64 report_id, gint64 transcript_id) {}
gint64 sp_attribution_view_get_report_id (SpAttributionView *self) { return 0; }
gint64 sp_attribution_view_get_transcript_id (SpAttributionView *self) { return 0; }
gboolean sp_attribution_view_is_busy (SpAttributionView *self) { return FALSE; }
