/* sp-brief-dialog.h: the annotated brief's export dialog — scope (themes,
 * stakeholders, documents, stances), title, format and paper, with a live
 * preview of the first pages; Export… and Print….
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "sp-brief.h"
#include "sp-project.h"

G_BEGIN_DECLS

#define SP_TYPE_BRIEF_DIALOG (sp_brief_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SpBriefDialog, sp_brief_dialog, SP, BRIEF_DIALOG, AdwWindow)

typedef enum
{
  SP_BRIEF_DIALOG_THEMES,
  SP_BRIEF_DIALOG_STAKEHOLDERS,
  SP_BRIEF_DIALOG_DOCUMENTS,
  SP_BRIEF_DIALOG_STANCES,
} SpBriefDialogList;

#define SP_BRIEF_DIALOG_N_LISTS (SP_BRIEF_DIALOG_STANCES + 1)

/* Modal, transient for @parent. */
GtkWidget      *sp_brief_dialog_new              (GtkWindow         *parent,
                                                  SpProject         *project);
/* Prints the brief of @scope through GtkPrintOperation, drawing the same
 * pages as the PDF; errors are shown over @parent. */
void            sp_brief_print                   (GtkWindow          *parent,
                                                  SpProject          *project,
                                                  const SpBriefScope *scope);
/* The operation sp_brief_print() runs, ready for any action (a test
 * exports it to a file). */
GtkPrintOperation *sp_brief_print_operation_new  (SpProject           *project,
                                                  const SpBriefScope  *scope,
                                                  GError             **error);

/* The scope the controls describe, or NULL when a list has nothing
 * ticked (there would be nothing to brief). */
SpBriefScope   *sp_brief_dialog_dup_scope        (SpBriefDialog     *self);
/* Exports to @path in the chosen format, in a thread; ::exported is
 * emitted with the path when the file is in place, and a failure is
 * shown in a message dialog. Export… calls it with the chosen file. */
void            sp_brief_dialog_export_to_path   (SpBriefDialog     *self,
                                                  const char        *path);

/* For tests: the check button of item @id (a stance for the stances) in
 * @list, or NULL; and how many times the preview was laid out anew. */
GtkCheckButton *sp_brief_dialog_get_check        (SpBriefDialog     *self,
                                                  SpBriefDialogList  list,
                                                  gint64             id);
guint           sp_brief_dialog_get_n_previews   (SpBriefDialog     *self);
/* "title" (AdwEntryRow), "format", "paper" (AdwComboRow), "memos",
 * "codebook" (GtkSwitch), "preview" (GtkDrawingArea). */
GtkWidget      *sp_brief_dialog_get_control      (SpBriefDialog     *self,
                                                  const char        *name);

G_END_DECLS
