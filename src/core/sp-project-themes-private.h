/* sp-project-themes-private.h: what the codebook pieces share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sp-project-themes.h"

G_BEGIN_DECLS

typedef struct
{
  const char *name;
  gint64      parent_id;
  const char *color;        /* NULL: from the palette */
  const char *description;
  const char *statement;
  const char *shortcut;     /* NULL: none */
} SpThemeSpec;

/* The i-th colour of the palette new themes take their colour from. */
const char *_sp_theme_palette_color (guint i);

/* Adds @n_specs themes as one undoable change labelled @label, after
 * checking every one of them (and against each other). @out_ids, if not
 * NULL, receives the new ids (an array of @n_specs). */
gboolean    _sp_project_add_themes  (SpProject          *self,
                                     const SpThemeSpec  *specs,
                                     guint               n_specs,
                                     const char         *label,
                                     gint64             *out_ids,
                                     GError            **error);

G_END_DECLS
