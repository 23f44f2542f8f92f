/* sp-cli-compare.c: matrix, agreement, compare — who stands where.
 *
 * The three commands share the filter options: --document (id, title or
 * file name), --sector (any case; "" is the unknown sector) and --stance
 * (supports, opposes, mixed, neutral, unclear, or none for passages with
 * no stance), each repeatable; a passage passes when it matches any value
 * of every option given.
 *
 * JSON output (stable field names; stance counts always carry all six
 * keys supports, opposes, mixed, neutral, unclear, none):
 *
 *   matrix    {"stakeholders": [{"id", "name", "sector"}],   rows, by name
 *              "themes": [{"id", "name", "color"}],           codebook order
 *              "cells": [{"stakeholder_id", "theme_id", "passages",
 *                         "stances": {"supports": n, …}}],    non-empty only
 *              "max_passages": n}
 *   agreement {"stakeholders": […], "themes": […],             as for matrix
 *              "pairs": [{"a", "b",                           stakeholder ids
 *                         "agree": [theme id, …],             codebook order
 *                         "conflict": [theme id, …]}],        non-empty only
 *              "max_count": n}
 *   compare   {"theme": name, "theme_id": id,
 *              "columns": [{"stakeholder": name, "stakeholder_id": id,
 *                           "prevailing": stance or null,
 *                           "stances": {"supports": n, …},
 *                           "passages": [{"id", "document", "document_id",
 *                                         "start", "end", "quote",
 *                                         "stance" (or null)}]}]}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sp-cli.h"
#include "sp-compare.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"

static gboolean json_output;
static char **document_names;
static char **sector_names;
static char **stance_names;

#define COMPARE_ENTRIES \
  { "json", 0, 0, G_OPTION_ARG_NONE, &json_output, N_("Print one JSON object"), NULL }, \
  { "document", 0, 0, G_OPTION_ARG_STRING_ARRAY, &document_names, \
    N_("Only passages in this document (id, title or file name; repeat for more)"), N_("DOCUMENT") }, \
  { "sector", 0, 0, G_OPTION_ARG_STRING_ARRAY, &sector_names, \
    N_("Only stakeholders of this sector (repeat for more)"), N_("SECTOR") }, \
  { "stance", 0, 0, G_OPTION_ARG_STRING_ARRAY, &stance_names, \
    N_("supports, opposes, mixed, neutral, unclear or none (repeat for more)"), N_("STANCE") }, \
  { NULL }

/* How a stance shows in a cell's mix, "3 (2+ 1-)"; passages with no
 * stance count in the total only. */
static const char stance_marks[SP_N_STANCES] = {
  [SP_STANCE_SUPPORTS] = '+',
  [SP_STANCE_OPPOSES] = '-',
  [SP_STANCE_MIXED] = '~',
  [SP_STANCE_NEUTRAL] = '=',
  [SP_STANCE_UNCLEAR] = '?',
};

static gboolean
parse_stances (guint *mask)
{
  *mask = 0;
  for (guint i = 0; stance_names != NULL && stance_names[i] != NULL; i++)
    {
      SpStance stance;

      if (g_ascii_strcasecmp (stance_names[i], "none") == 0)
        stance = SP_STANCE_NONE;
      else if (!sp_stance_from_string (stance_names[i], &stance))
        {
          g_printerr (_("standpoint-cli: unknown stance “%s” (use supports, opposes, mixed, neutral, unclear or none)\n"),
                      stance_names[i]);
          return FALSE;
        }
      *mask |= 1u << stance;
    }
  return TRUE;
}

static gboolean
is_known_sector (const char *name)
{
  const char * const *sectors = sp_stakeholder_sectors ();

  for (guint i = 0; sectors[i] != NULL; i++)
    if (g_ascii_strcasecmp (sectors[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* The options as a filter; NULL (message printed) on a name the project
 * does not know. */
static SpCompareFilter *
resolve_filter (SpProject *project)
{
  g_autoptr(SpCompareFilter) filter = sp_compare_filter_new ();
  g_autoptr(GError) error = NULL;

  if (!parse_stances (&filter->stances))
    return NULL;

  for (guint i = 0; sector_names != NULL && sector_names[i] != NULL; i++)
    if (!is_known_sector (sector_names[i]))
      {
        g_autofree char *known = g_strjoinv (", ", (char **) sp_stakeholder_sectors () + 1);

        g_printerr (_("standpoint-cli: unknown sector “%s” (use one of %s)\n"), sector_names[i], known);
        return NULL;
      }
  filter->sectors = g_strdupv (sector_names);

  filter->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; document_names != NULL && document_names[i] != NULL; i++)
    {
      g_autoptr(SpDocumentInfo) document = sp_project_find_document (project, document_names[i], &error);

      if (document == NULL)
        {
          sp_cli_fail (error);
          return NULL;
        }
      g_array_append_val (filter->document_ids, document->id);
    }

  return g_steal_pointer (&filter);
}

/* Parses the command line, opens the project and resolves the filter;
 * returns an exit code for the command to return, or -1 to go on. */
static int
start_command (const char        *name,
               int               *argc,
               char            ***argv,
               int                n_args,
               SpProject        **project,
               SpCompareFilter  **filter)
{
  static const GOptionEntry entries[] = { COMPARE_ENTRIES };

  if (!sp_cli_parse (sp_cli_find_command (name), entries, argc, argv, n_args, n_args))
    return SP_CLI_EXIT_USAGE;
  if ((*project = sp_cli_open_project ((*argv)[1], SP_PROJECT_OPEN_READ_ONLY)) == NULL ||
      (*filter = resolve_filter (*project)) == NULL)
    return SP_CLI_EXIT_FAILED;
  return -1;
}

/* Text output helpers. */

static void
print_padded (const char *text,
              guint       width)
{
  glong n_chars = g_utf8_strlen (text, -1);

  g_print ("%s", text);
  for (glong i = n_chars; i < (glong) width; i++)
    g_print (" ");
}

static char *
format_mix (const guint n_by_stance[SP_N_STANCES])
{
  GString *mix = g_string_new (NULL);

  for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
    if (n_by_stance[stance] > 0)
      g_string_append_printf (mix, "%s%u%c", mix->len > 0 ? " " : "", n_by_stance[stance], stance_marks[stance]);
  return g_string_free (mix, FALSE);
}

static char *
format_cell (const SpMatrixCell *cell)
{
  g_autofree char *mix = NULL;

  if (cell->n_passages == 0)
    return g_strdup (".");
  mix = format_mix (cell->n_by_stance);
  return *mix != '\0' ? g_strdup_printf ("%u (%s)", cell->n_passages, mix) : g_strdup_printf ("%u", cell->n_passages);
}

static void
print_stance_legend (void)
{
  g_print (_("Stances: + supports, - opposes, ~ mixed, = neutral, ? unclear; the total also counts passages with no stance.\n"));
}

/* JSON helpers. */

static void
add_stances (JsonBuilder *builder,
             const guint  n_by_stance[SP_N_STANCES])
{
  json_builder_set_member_name (builder, "stances");
  json_builder_begin_object (builder);
  for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
    sp_cli_json_add_int (builder, sp_stance_to_string (stance), n_by_stance[stance]);
  sp_cli_json_add_int (builder, "none", n_by_stance[SP_STANCE_NONE]);
  json_builder_end_object (builder);
}

static void
add_stakeholders_and_themes (JsonBuilder *builder,
                             GPtrArray   *stakeholders,
                             GPtrArray   *themes)
{
  json_builder_set_member_name (builder, "stakeholders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = stakeholders->pdata[i];

      json_builder_begin_object (builder);
      sp_cli_json_add_int (builder, "id", stakeholder->id);
      sp_cli_json_add_string (builder, "name", stakeholder->name);
      sp_cli_json_add_string (builder, "sector", stakeholder->sector);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "themes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *theme = themes->pdata[i];

      json_builder_begin_object (builder);
      sp_cli_json_add_int (builder, "id", theme->id);
      sp_cli_json_add_string (builder, "name", theme->name);
      sp_cli_json_add_string (builder, "color", theme->color);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_theme_ids (JsonBuilder *builder,
               const char  *member,
               GArray      *ids)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < ids->len; i++)
    json_builder_add_int_value (builder, g_array_index (ids, gint64, i));
  json_builder_end_array (builder);
}

/* matrix */

static void
print_matrix_json (SpMatrix *matrix)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_stakeholders_and_themes (builder, matrix->stakeholders, matrix->themes);
  json_builder_set_member_name (builder, "cells");
  json_builder_begin_array (builder);
  for (guint row = 0; row < matrix->stakeholders->len; row++)
    for (guint column = 0; column < matrix->themes->len; column++)
      {
        SpMatrixCell *cell = sp_matrix_get_cell (matrix, row, column);

        if (cell->n_passages == 0)
          continue;
        json_builder_begin_object (builder);
        sp_cli_json_add_int (builder, "stakeholder_id", ((SpStakeholderInfo *) matrix->stakeholders->pdata[row])->id);
        sp_cli_json_add_int (builder, "theme_id", ((SpThemeInfo *) matrix->themes->pdata[column])->id);
        sp_cli_json_add_int (builder, "passages", cell->n_passages);
        add_stances (builder, cell->n_by_stance);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  sp_cli_json_add_int (builder, "max_passages", matrix->max_passages);
  json_builder_end_object (builder);

  sp_cli_print_json (builder);
}

/* Rows are stakeholders; columns are the themes anyone speaks to, headed
 * T1, T2, … (full names below), so the table fits a terminal however
 * long the names are. The last column is not padded: no trailing blanks. */
static void
print_matrix_table (SpMatrix *matrix)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *widths = NULL;
  guint name_width = 0;

  if (matrix->stakeholders->len == 0)
    {
      g_print (_("No passage with a stakeholder and a theme matches.\n"));
      return;
    }

  for (guint column = 0; column < matrix->themes->len; column++)
    for (guint row = 0; row < matrix->stakeholders->len; row++)
      if (sp_matrix_get_cell (matrix, row, column)->n_passages > 0)
        {
          g_array_append_val (columns, column);
          break;
        }

  widths = g_new0 (guint, columns->len);
  for (guint row = 0; row < matrix->stakeholders->len; row++)
    {
      name_width = MAX (name_width, (guint) g_utf8_strlen (((SpStakeholderInfo *) matrix->stakeholders->pdata[row])->name, -1));
      for (guint i = 0; i < columns->len; i++)
        {
          g_autofree char *text = format_cell (sp_matrix_get_cell (matrix, row, g_array_index (columns, guint, i)));
          widths[i] = MAX (widths[i], MAX ((guint) strlen (text), 3));
        }
    }

  print_padded ("", name_width);
  for (guint i = 0; i < columns->len; i++)
    {
      g_autofree char *heading = g_strdup_printf ("T%u", i + 1);
      g_print ("  ");
      print_padded (heading, i + 1 < columns->len ? widths[i] : 0);
    }
  g_print ("\n");

  for (guint row = 0; row < matrix->stakeholders->len; row++)
    {
      print_padded (((SpStakeholderInfo *) matrix->stakeholders->pdata[row])->name, name_width);
      for (guint i = 0; i < columns->len; i++)
        {
          g_autofree char *text = format_cell (sp_matrix_get_cell (matrix, row, g_array_index (columns, guint, i)));
          g_print ("  ");
          print_padded (text, i + 1 < columns->len ? widths[i] : 0);
        }
      g_print ("\n");
    }

  g_print ("\n");
  for (guint i = 0; i < columns->len; i++)
    g_print ("T%u  %s\n", i + 1, ((SpThemeInfo *) matrix->themes->pdata[g_array_index (columns, guint, i)])->name);
  print_stance_legend ();
}

int
sp_cli_matrix (int    argc,
               char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpCompareFilter) filter = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = start_command ("matrix", &argc, &argv, 1, &project, &filter)) >= 0)
    return status;

  if ((matrix = sp_project_compute_matrix (project, filter, &error)) == NULL)
    return sp_cli_fail (error);

  if (json_output)
    print_matrix_json (matrix);
  else
    print_matrix_table (matrix);
  return SP_CLI_EXIT_OK;
}

/* agreement */

static char *
join_theme_names (SpAgreement *agreement,
                  GArray      *ids)
{
  g_autoptr(GHashTable) names = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; i < agreement->themes->len; i++)
    {
      SpThemeInfo *theme = agreement->themes->pdata[i];
      g_hash_table_insert (names, &theme->id, theme->name);
    }
  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (parts, g_hash_table_lookup (names, &g_array_index (ids, gint64, i)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

static void
print_agreement_text (SpAgreement *agreement)
{
  guint n = agreement->stakeholders->len;
  gboolean any = FALSE;

  for (guint row = 0; row < n; row++)
    for (guint column = row + 1; column < n; column++)
      {
        SpAgreementCell *cell = sp_agreement_get_cell (agreement, row, column);
        g_autofree char *agree = NULL;
        g_autofree char *conflict = NULL;

        if (cell->agree_theme_ids->len == 0 && cell->conflict_theme_ids->len == 0)
          continue;
        any = TRUE;
        agree = join_theme_names (agreement, cell->agree_theme_ids);
        conflict = join_theme_names (agreement, cell->conflict_theme_ids);
        /* Translators: two stakeholders' names, then how many themes they agree and conflict on */
        g_print (_("%s / %s: %u agree, %u conflict\n"),
                 ((SpStakeholderInfo *) agreement->stakeholders->pdata[row])->name,
                 ((SpStakeholderInfo *) agreement->stakeholders->pdata[column])->name,
                 cell->agree_theme_ids->len, cell->conflict_theme_ids->len);
        if (*agree != '\0')
          g_print (_("  agree: %s\n"), agree);
        if (*conflict != '\0')
          g_print (_("  conflict: %s\n"), conflict);
      }

  if (!any)
    g_print (_("No two stakeholders share or oppose a stance on any theme.\n"));
}

static void
print_agreement_json (SpAgreement *agreement)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n = agreement->stakeholders->len;

  json_builder_begin_object (builder);
  add_stakeholders_and_themes (builder, agreement->stakeholders, agreement->themes);
  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint row = 0; row < n; row++)
    for (guint column = row + 1; column < n; column++)
      {
        SpAgreementCell *cell = sp_agreement_get_cell (agreement, row, column);

        if (cell->agree_theme_ids->len == 0 && cell->conflict_theme_ids->len == 0)
          continue;
        json_builder_begin_object (builder);
        sp_cli_json_add_int (builder, "a", ((SpStakeholderInfo *) agreement->stakeholders->pdata[row])->id);
        sp_cli_json_add_int (builder, "b", ((SpStakeholderInfo *) agreement->stakeholders->pdata[column])->id);
        add_theme_ids (builder, "agree", cell->agree_theme_ids);
        add_theme_ids (builder, "conflict", cell->conflict_theme_ids);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  sp_cli_json_add_int (builder, "max_count", agreement->max_count);
  json_builder_end_object (builder);

  sp_cli_print_json (builder);
}

int
sp_cli_agreement (int    argc,
                  char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpCompareFilter) filter = NULL;
  g_autoptr(SpAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = start_command ("agreement", &argc, &argv, 1, &project, &filter)) >= 0)
    return status;

  if ((agreement = sp_project_compute_agreement (project, filter, &error)) == NULL)
    return sp_cli_fail (error);

  if (json_output)
    print_agreement_json (agreement);
  else
    print_agreement_text (agreement);
  return SP_CLI_EXIT_OK;
}

/* compare */

static const char *
stance_or_null (SpStance stance)
{
  return stance != SP_STANCE_NONE ? sp_stance_to_string (stance) : NULL;
}

static void
print_compare_json (SpThemeInfo *theme,
                    GPtrArray   *columns)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  sp_cli_json_add_string (builder, "theme", theme->name);
  sp_cli_json_add_int (builder, "theme_id", theme->id);
  json_builder_set_member_name (builder, "columns");
  json_builder_begin_array (builder);
  for (guint i = 0; i < columns->len; i++)
    {
      SpThemeColumn *column = columns->pdata[i];

      json_builder_begin_object (builder);
      sp_cli_json_add_string (builder, "stakeholder", column->stakeholder->name);
      sp_cli_json_add_int (builder, "stakeholder_id", column->stakeholder->id);
      sp_cli_json_add_string_or_null (builder, "prevailing", stance_or_null (column->prevailing));
      add_stances (builder, column->n_by_stance);
      json_builder_set_member_name (builder, "passages");
      json_builder_begin_array (builder);
      for (guint j = 0; j < column->annotations->len; j++)
        {
          SpAnnotationInfo *passage = column->annotations->pdata[j];

          json_builder_begin_object (builder);
          sp_cli_json_add_int (builder, "id", passage->id);
          sp_cli_json_add_string (builder, "document", passage->document_title);
          sp_cli_json_add_int (builder, "document_id", passage->document_id);
          sp_cli_json_add_int (builder, "start", passage->start);
          sp_cli_json_add_int (builder, "end", passage->end);
          sp_cli_json_add_string (builder, "quote", passage->quote);
          sp_cli_json_add_string_or_null (builder, "stance", stance_or_null (passage->stance));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  sp_cli_print_json (builder);
}

static char *
one_line (const char *text)
{
  g_autofree char *copy = g_strdup (text);
  const glong max_chars = 100;

  g_strdelimit (copy, "\n\t", ' ');
  if (g_utf8_strlen (copy, -1) > max_chars)
    {
      g_autofree char *head = g_utf8_substring (copy, 0, max_chars - 1);
      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&copy);
}

static void
print_compare_text (SpThemeInfo *theme,
                    GPtrArray   *columns)
{
  if (columns->len == 0)
    {
      g_print (_("No stakeholder has a passage on “%s” that matches.\n"), theme->name);
      return;
    }

  for (guint i = 0; i < columns->len; i++)
    {
      SpThemeColumn *column = columns->pdata[i];
      g_autofree char *mix = format_mix (column->n_by_stance);

      g_print ("%s%s — %s (%s)\n", i > 0 ? "\n" : "", column->stakeholder->name,
               column->prevailing != SP_STANCE_NONE ? sp_stance_to_string (column->prevailing) : _("no stance"),
               *mix != '\0' ? mix : "-");
      for (guint j = 0; j < column->annotations->len; j++)
        {
          SpAnnotationInfo *passage = column->annotations->pdata[j];
          g_autofree char *quote = one_line (passage->quote);

          g_print ("  %lld\t%s\t%lld-%lld\t%s\t%s\n", (long long) passage->id, passage->document_title,
                   (long long) passage->start, (long long) passage->end,
                   passage->stance != SP_STANCE_NONE ? sp_stance_to_string (passage->stance) : "-",
                   quote);
        }
    }
  g_print ("\n");
  print_stance_legend ();
}

int
sp_cli_compare (int    argc,
                char **argv)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpCompareFilter) filter = NULL;
  g_autoptr(SpThemeInfo) theme = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if ((status = start_command ("compare", &argc, &argv, 2, &project, &filter)) >= 0)
    return status;

  if ((theme = sp_project_find_theme (project, argv[2], &error)) == NULL ||
      (columns = sp_project_compare_theme (project, theme->id, filter, &error)) == NULL)
    return sp_cli_fail (error);

  if (json_output)
    print_compare_json (theme, columns);
  else
    print_compare_text (theme, columns);
  return SP_CLI_EXIT_OK;
}
