/* sp-compare-view.c: SCAFFOLD, to be implemented (helper D).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "sp-compare-view.h"

struct _SpCompareView
{
  GtkWidget parent_instance;
};

G_DEFINE_FINAL_TYPE (SpCompareView, sp_compare_view, GTK_TYPE_WIDGET)

static void
sp_compare_view_class_init (SpCompareViewClass *klass)
{
}

static void
sp_compare_view_init (SpCompareView *self)
{
}

GtkWidget *
sp_compare_view_new (void)
{
  return g_object_new (SP_TYPE_COMPARE_VIEW, NULL);
}

void sp_compare_view_set_project (SpCompareView *self, SpProject *project) {}
const char *sp_compare_view_get_page (SpCompareView *self) { return SP_COMPARE_PAGE_MATRIX; }
void sp_compare_view_set_page (SpCompareView *self, const char *page) {}
void sp_compare_view_show_theme (SpCompareView *self, gint64 theme_id) {}
