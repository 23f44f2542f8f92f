/* sp-document-gutter.h: the document view's margin, showing where each page
 * of the source (PDF) document begins.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

G_BEGIN_DECLS

#define SP_TYPE_DOCUMENT_GUTTER (sp_document_gutter_get_type ())

G_DECLARE_FINAL_TYPE (SpDocumentGutter, sp_document_gutter, SP, DOCUMENT_GUTTER, GtkSourceGutterRendererText)

GtkSourceGutterRenderer *sp_document_gutter_new        (void);
/* Replaces all labels with @labels (buffer line number as GUINT_TO_POINTER
 * -> label string, freed with g_free); takes ownership. NULL clears. */
void                     sp_document_gutter_set_labels (SpDocumentGutter *self,
                                                        GHashTable       *labels);
const char              *sp_document_gutter_get_label  (SpDocumentGutter *self,
                                                        guint             line);
void                     sp_document_gutter_clear      (SpDocumentGutter *self);
/* Whether the margin shows at all (it also hides while it has no labels). */
void                     sp_document_gutter_set_enabled (SpDocumentGutter *self,
                                                         gboolean          enabled);
gboolean                 sp_document_gutter_get_enabled (SpDocumentGutter *self);

G_END_DECLS
