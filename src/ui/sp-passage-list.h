/* sp-passage-list.h: annotated passages as a list of cards — stance
 * badge, source (stakeholder; speaker and time of a transcript turn, or
 * page and paragraph of a report; document) and quote. Clicking a passage, or
 * Enter on it, emits ::annotation-activated (gint64 annotation_id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SP_TYPE_PASSAGE_LIST (sp_passage_list_get_type ())

G_DECLARE_FINAL_TYPE (SpPassageList, sp_passage_list, SP, PASSAGE_LIST, GtkWidget)

GtkWidget        *sp_passage_list_new             (const char    *placeholder);
/* Shows @annotations (SpAnnotationInfo; a reference is kept), each
 * placed in its document by the string at the same index of @locations
 * (see sp_project_cite_annotations(); NULL: the document title alone),
 * naming each passage's stakeholder when @show_stakeholder is set. */
void              sp_passage_list_set_annotations (SpPassageList *self,
                                                   GPtrArray     *annotations,
                                                   GPtrArray     *locations,
                                                   gboolean       show_stakeholder);
guint             sp_passage_list_get_n_passages  (SpPassageList *self);
/* The SpAnnotationInfo shown at @index. */
gconstpointer     sp_passage_list_get_passage     (SpPassageList *self,
                                                   guint          index);
/* The source line of the card at @index, as shown. */
const char       *sp_passage_list_get_source      (SpPassageList *self,
                                                   guint          index);
/* Activates the passage at @index as a click does. */
void              sp_passage_list_activate        (SpPassageList *self,
                                                   guint          index);

G_END_DECLS
