/* sp-codebook-sample.c: the codebook that goes with the sample corpus, the
 * report on the geopolitics of technology standards and its webinar.
 *
 * Each theme carries a position statement written as a claim one can be
 * for or against, because a stance (supports, opposes, …) on an annotation
 * is a stance towards that statement.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-project-private.h"
#include "sp-project-themes-private.h"

typedef struct
{
  const char *name;
  const char *description;
  const char *statement;
} SampleTheme;

static const SampleTheme sample_themes[] = {
  { N_("Export control and standards participation"),
    N_("Entity List restrictions and whether they should keep firms out of standards bodies"),
    N_("Export controls should not stop companies from taking part in international standards-setting") },
  { N_("Like-minded countries"),
    N_("Cooperation on standards among the EU, the US and their “like-minded” partners"),
    N_("Standards cooperation should be limited to like-minded countries") },
  { N_("Values in standards"),
    N_("Whether human rights, privacy or democratic values belong in technical standards"),
    N_("Values should be written into technical standards") },
  { N_("Fragmentation and forking of standards"),
    N_("Rival standards for the same technology and a splintered digital ecosystem"),
    N_("A forking of international standards is likely, and would do lasting harm") },
  { N_("Multi-stakeholder participation"),
    N_("Who takes part in standards-setting: industry, governments, academia, civil society"),
    N_("Standards-setting should open up to a wider range of stakeholders") },
  { N_("The Global South"),
    N_("What standards rivalry means for the rest of the world and developing countries"),
    N_("The Global South should have a stronger voice in international standards-setting") },
  { N_("China as challenger or contributor"),
    N_("China's growing role in standards bodies and how the West reads it"),
    N_("China's standards activity is a contribution to the system, not a challenge to it") },
  { N_("What counts as a critical and emerging technology"),
    N_("The scope and purpose of the term “critical and emerging technologies” (CET)"),
    N_("The CET label is a tool to extend national technology control") },
  { N_("Digital neo-mercantilism"),
    N_("National policies that treat digital technology and standards as a zero-sum contest for advantage"),
    N_("Governments now treat technology standards as an instrument of digital neo-mercantilism") },
  { N_("National security"),
    N_("Security concerns brought into standards for technologies such as 5G and AI"),
    N_("National security concerns justify political intervention in standards-setting") },
  { N_("Convergence of standards and regulation"),
    N_("Standards used to carry out regulation, as with the EU's approach to AI"),
    N_("Standards and regulation are converging and should be developed together") },
  { N_("Patents and market rents"),
    N_("Standard-essential patents, licensing and the rents that standards bring"),
    N_("The contest over standards is mainly a contest over patents and market rents") },
};

gboolean
sp_project_add_sample_codebook (SpProject  *self,
                                GError    **error)
{
  g_autoptr(GArray) specs = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if ((existing = sp_project_list_themes (self, error)) == NULL)
    return FALSE;

  specs = g_array_new (FALSE, TRUE, sizeof (SpThemeSpec));
  for (guint i = 0; i < G_N_ELEMENTS (sample_themes); i++)
    {
      const char *name = _(sample_themes[i].name);
      char *shortcut = i < 9 ? g_strdup_printf ("%u", i + 1) : NULL;
      gboolean skip = FALSE;
      SpThemeSpec spec = { 0 };

      /* Whatever the analyst already has stays as it is: a theme of the same
       * name is kept, and a shortcut already taken is not taken away. */
      for (guint j = 0; j < existing->len; j++)
        {
          SpThemeInfo *theme = g_ptr_array_index (existing, j);

          if (g_ascii_strcasecmp (theme->name, name) == 0)
            skip = TRUE;
          if (shortcut != NULL && g_strcmp0 (theme->shortcut, shortcut) == 0)
            g_clear_pointer (&shortcut, g_free);
        }
      if (skip)
        {
          g_free (shortcut);
          continue;
        }
      g_ptr_array_add (keys, shortcut);

      spec.name = name;
      spec.color = _sp_theme_palette_color (i);
      spec.description = _(sample_themes[i].description);
      spec.statement = _(sample_themes[i].statement);
      spec.shortcut = shortcut;
      g_array_append_val (specs, spec);
    }

  if (specs->len == 0)
    return TRUE;

  /* Translators: label of the Undo item */
  return _sp_project_add_themes (self, (SpThemeSpec *) (gpointer) specs->data, specs->len,
                                 _("Add sample codebook"), NULL, error);
}
