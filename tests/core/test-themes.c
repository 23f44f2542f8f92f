/* test-themes.c: the codebook — the sample codebook, every change and its
 * undo and redo, and every refusal leaving the table as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-project-private.h"
#include "sp-project-themes.h"
#include "sp-undo-manager.h"
#include "test-helpers.h"

typedef SpTestFixture Fixture;

#define fixture_set_up    sp_test_fixture_set_up_empty
#define fixture_tear_down sp_test_fixture_tear_down

/* Every column of themes and every annotation_themes row, as text. */
static char *
dump (SpProject *project)
{
  const char * const queries[] = {
    "SELECT id, coalesce(parent_id, 0), name, description, statement, color,"
    " coalesce(shortcut, '-'), position, created_at FROM themes ORDER BY id",
    "SELECT annotation_id, theme_id FROM annotation_themes ORDER BY 1, 2",
  };

  return sp_test_dump (project, queries, G_N_ELEMENTS (queries));
}

/* Names in tree order, indented by depth: "A,.B,..C,D". */
static char *
tree (SpProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = sp_project_list_themes (project, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);

      if (i > 0)
        g_string_append_c (out, ',');
      for (guint d = 0; d < theme->depth; d++)
        g_string_append_c (out, '.');
      g_string_append (out, theme->name);
      g_assert_cmpint (theme->position, >=, 0);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gint64
add (SpProject  *project,
     const char *name,
     gint64      parent_id,
     const char *shortcut)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (sp_project_add_theme (project, name, parent_id, NULL, NULL, NULL, shortcut, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* Tags annotations 1..n (made up with plain SQL) with @theme_id. */
static void
tag (SpProject *project,
     gint64     annotation_id,
     gint64     theme_id)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT OR IGNORE INTO documents (id, title, kind, source_name, sha256,"
                         " imported_at, text, n_chars) VALUES (1, 'D', 'text', 'd.txt', 'x',"
                         " '2024-01-01', 'Some text here', 14);"
                         "INSERT OR IGNORE INTO annotations (id, document_id, start, end, quote,"
                         " created_at, updated_at) VALUES (%" G_GINT64_FORMAT ", 1, 0, 4, 'Some',"
                         " '2024-01-01', '2024-01-01');"
                         "INSERT INTO annotation_themes VALUES (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ");",
                         annotation_id, annotation_id, theme_id);
  g_assert_true (sp_db_exec (db, sql, NULL));
}

static void
test_sample_codebook (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(SpThemeInfo) found = NULL;
  g_autofree char *before = NULL;

  g_assert_true (sp_project_add_sample_codebook (fixture->project, &error));
  g_assert_no_error (error);

  themes = sp_project_list_themes (fixture->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (themes->len, ==, 12);
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);
      g_autofree char *key = g_strdup_printf ("%u", i + 1);

      g_assert_cmpint (theme->position, ==, (int) i);
      g_assert_cmpuint (theme->depth, ==, 0);
      g_assert_cmpuint (strlen (theme->statement), >, 20);
      g_assert_cmpuint (strlen (theme->description), >, 20);
      g_assert_cmpuint (strlen (theme->color), ==, 7);
      g_assert_true (theme->color[0] == '#');
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (((SpThemeInfo *) g_ptr_array_index (themes, j))->color, !=, theme->color);
      if (i < 9)
        g_assert_cmpstr (theme->shortcut, ==, key);
      else
        g_assert_null (theme->shortcut);
    }
  g_assert_cmpstr (((SpThemeInfo *) g_ptr_array_index (themes, 0))->name, ==,
                   "Export control and standards participation");
  g_assert_cmpstr (((SpThemeInfo *) g_ptr_array_index (themes, 11))->name, ==,
                   "Patents and market rents");

  found = sp_project_find_theme (fixture->project, "LIKE-MINDED countries", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, "Like-minded countries");
  g_assert_cmpstr (found->statement, ==, "Standards cooperation should be limited to like-minded countries");
  g_assert_cmpstr (found->shortcut, ==, "2");

  /* One change: one undo takes all twelve away. Adding it again adds nothing. */
  before = dump (fixture->project);
  g_assert_true (sp_project_add_sample_codebook (fixture->project, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (dump (fixture->project), ==, before);
  sp_test_undo (fixture->project);
  g_assert_cmpstr (tree (fixture->project), ==, "");
  sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
}

static void
test_add_rename_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpThemeInfo) theme = NULL;
  g_autofree char *empty = dump (fixture->project);
  g_autofree char *one = NULL;
  g_autofree char *renamed = NULL;
  gint64 a, b;

  a = add (fixture->project, "  Security  ", 0, "3");
  one = dump (fixture->project);
  theme = sp_project_get_theme (fixture->project, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (theme->name, ==, "Security");
  g_assert_cmpstr (theme->shortcut, ==, "3");
  g_assert_cmpstr (theme->color, ==, "#3584e4");
  g_clear_pointer (&theme, sp_theme_info_free);

  sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, empty);
  sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, one);

  g_assert_true (sp_project_rename_theme (fixture->project, a, "National security", &error));
  g_assert_true (sp_project_set_theme_color (fixture->project, a, "#C01C28", &error));
  g_assert_true (sp_project_set_theme_description (fixture->project, a, "5G and AI", &error));
  g_assert_true (sp_project_set_theme_statement (fixture->project, a, "Security trumps openness", &error));
  g_assert_true (sp_project_set_theme_shortcut (fixture->project, a, "s", &error));
  g_assert_no_error (error);
  renamed = dump (fixture->project);
  theme = sp_project_find_theme (fixture->project, "national SECURITY", &error);
  g_assert_no_error (error);
  g_assert_cmpint (theme->id, ==, a);
  g_assert_cmpstr (theme->color, ==, "#c01c28");
  g_assert_cmpstr (theme->description, ==, "5G and AI");
  g_assert_cmpstr (theme->statement, ==, "Security trumps openness");
  g_assert_cmpstr (theme->shortcut, ==, "s");

  /* The freed shortcut can be taken by another theme. */
  b = add (fixture->project, "Other", 0, "3");
  sp_test_undo (fixture->project);
  for (guint i = 0; i < 5; i++)
    sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, one);
  for (guint i = 0; i < 5; i++)
    sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, renamed);
  sp_test_redo (fixture->project);
  g_assert_nonnull (sp_project_get_theme (fixture->project, b, NULL));
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  gint64 a, b;
  struct {
    const char *name;
    gint64      parent;
    const char *color;
    const char *shortcut;
    int         code;
    const char *message;
  } cases[] = {
    { "", 0, NULL, NULL, SP_ERROR_INVALID_ARGUMENT, "A theme needs a name" },
    { "   ", 0, NULL, NULL, SP_ERROR_INVALID_ARGUMENT, "A theme needs a name" },
    { "values", 0, NULL, NULL, SP_ERROR_EXISTS, "A theme “Values” already exists" },
    { "New", 0, NULL, "3", SP_ERROR_EXISTS, "Shortcut 3 is already used by “Values”" },
    { "New", 0, NULL, "F12", SP_ERROR_INVALID_ARGUMENT, "“F12” is not a shortcut: use one digit or letter" },
    { "New", 0, "red", NULL, SP_ERROR_INVALID_ARGUMENT, "“red” is not a colour: use the form #rrggbb, e.g. #3584e4" },
    { "New", 0, "#12345g", NULL, SP_ERROR_INVALID_ARGUMENT, NULL },
    { "New", 999, NULL, NULL, SP_ERROR_INVALID_ARGUMENT, "The parent theme (id 999) does not exist" },
  };

  a = add (fixture->project, "Values", 0, "3");
  b = add (fixture->project, "Privacy", a, NULL);
  before = dump (fixture->project);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = -1;

      g_assert_false (sp_project_add_theme (fixture->project, cases[i].name, cases[i].parent,
                                            cases[i].color, NULL, NULL, cases[i].shortcut, &id, &error));
      g_assert_error (error, SP_ERROR, cases[i].code);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (id, ==, -1);
      g_assert_cmpstr (dump (fixture->project), ==, before);
    }

  {
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(GError) e3 = NULL;
    g_autoptr(GError) e4 = NULL;
    g_autoptr(GError) e5 = NULL;
    g_autoptr(GError) e6 = NULL;
    g_autoptr(GError) e7 = NULL;
    g_autoptr(GError) e8 = NULL;

    g_assert_false (sp_project_rename_theme (fixture->project, b, "VALUES", &e1));
    g_assert_error (e1, SP_ERROR, SP_ERROR_EXISTS);
    g_assert_false (sp_project_rename_theme (fixture->project, b, "", &e2));
    g_assert_error (e2, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_assert_false (sp_project_set_theme_shortcut (fixture->project, b, "3", &e3));
    g_assert_error (e3, SP_ERROR, SP_ERROR_EXISTS);
    g_assert_cmpstr (e3->message, ==, "Shortcut 3 is already used by “Values”");
    g_assert_false (sp_project_move_theme (fixture->project, a, b, 0, &e4));
    g_assert_error (e4, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_assert_cmpstr (e4->message, ==, "“Values” cannot be moved into itself or one of its own sub-themes");
    g_assert_false (sp_project_move_theme (fixture->project, a, a, 0, &e5));
    g_assert_error (e5, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_assert_false (sp_project_merge_themes (fixture->project, a, a, &e6));
    g_assert_error (e6, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
    g_assert_false (sp_project_delete_theme (fixture->project, 4242, &e7));
    g_assert_error (e7, SP_ERROR, SP_ERROR_NOT_FOUND);
    g_assert_false (sp_project_set_theme_color (fixture->project, a, "#fff", &e8));
    g_assert_error (e8, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  }
  g_assert_cmpstr (dump (fixture->project), ==, before);

  /* Renaming to another case of its own name is fine. */
  g_assert_true (sp_project_rename_theme (fixture->project, a, "VALUES", NULL));
}

static void
test_move_reorder (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *moved = NULL;
  gint64 a, b, c, a1, a2;

  a = add (fixture->project, "A", 0, NULL);
  b = add (fixture->project, "B", 0, NULL);
  c = add (fixture->project, "C", 0, NULL);
  a1 = add (fixture->project, "A1", a, NULL);
  a2 = add (fixture->project, "A2", a, NULL);
  g_assert_cmpstr (tree (fixture->project), ==, "A,.A1,.A2,B,C");
  start = dump (fixture->project);

  g_assert_true (sp_project_reorder_theme (fixture->project, c, 0, &error));
  g_assert_cmpstr (tree (fixture->project), ==, "C,A,.A1,.A2,B");
  g_assert_true (sp_project_reorder_theme (fixture->project, a2, 0, &error));
  g_assert_cmpstr (tree (fixture->project), ==, "C,A,.A2,.A1,B");
  g_assert_true (sp_project_move_theme (fixture->project, a, b, -1, &error));
  g_assert_cmpstr (tree (fixture->project), ==, "C,B,.A,..A2,..A1");
  g_assert_true (sp_project_move_theme (fixture->project, a1, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tree (fixture->project), ==, "C,A1,B,.A,..A2");
  moved = dump (fixture->project);

  for (guint i = 0; i < 4; i++)
    sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, start);
  for (guint i = 0; i < 4; i++)
    sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, moved);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpThemeInfo) into = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a, b, a1, b1;

  a = add (fixture->project, "Forking", 0, "1");
  b = add (fixture->project, "Fragmentation", 0, "2");
  a1 = add (fixture->project, "Splinternet", a, NULL);
  b1 = add (fixture->project, "Rival 5G standards", b, NULL);
  (void) a1;
  (void) b1;
  tag (fixture->project, 1, a);
  tag (fixture->project, 2, a);
  tag (fixture->project, 2, b);  /* tagged with both: must not end up twice */
  tag (fixture->project, 3, b);
  before = dump (fixture->project);
  g_assert_cmpint (sp_project_count_theme_annotations (fixture->project, a, NULL), ==, 2);

  g_assert_true (sp_project_merge_themes (fixture->project, a, b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tree (fixture->project), ==, "Fragmentation,.Rival 5G standards,.Splinternet");
  into = sp_project_get_theme (fixture->project, b, &error);
  g_assert_cmpuint (into->n_annotations, ==, 3);
  g_assert_cmpstr (into->shortcut, ==, "2");
  g_assert_null (sp_project_get_theme (fixture->project, a, NULL));
  after = dump (fixture->project);
  g_assert_nonnull (strstr (after, "1|2|\n2|2|\n3|2|\n--"));

  sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
  sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, after);
  sp_test_undo (fixture->project);

  /* Into its own sub-theme: the sub-theme takes its place. */
  g_assert_true (sp_project_merge_themes (fixture->project, a, a1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tree (fixture->project), ==, "Splinternet,Fragmentation,.Rival 5G standards");
  sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 a, b, c, b1, b2;

  a = add (fixture->project, "A", 0, "1");
  b = add (fixture->project, "B", 0, "2");
  c = add (fixture->project, "C", 0, NULL);
  b1 = add (fixture->project, "B1", b, NULL);
  b2 = add (fixture->project, "B2", b, NULL);
  (void) a;
  (void) c;
  (void) b1;
  (void) b2;
  tag (fixture->project, 1, b);
  tag (fixture->project, 2, b);
  tag (fixture->project, 2, a);
  before = dump (fixture->project);

  g_assert_cmpint (sp_project_count_theme_annotations (fixture->project, b, &error), ==, 2);
  g_assert_true (sp_project_delete_theme (fixture->project, b, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tree (fixture->project), ==, "A,B1,B2,C");
  after = dump (fixture->project);
  g_assert_null (strstr (after, "|2|\n"));       /* no tag on B is left */
  g_assert_nonnull (strstr (after, "2|1|\n"));   /* the tag on A stays */

  sp_test_undo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, before);
  g_assert_cmpint (sp_project_count_theme_annotations (fixture->project, b, &error), ==, 2);
  sp_test_redo (fixture->project);
  g_assert_cmpstr (dump (fixture->project), ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/themes/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("sample-codebook", test_sample_codebook);
  ADD ("add-rename-undo", test_add_rename_undo);
  ADD ("bad-input", test_bad_input);
  ADD ("move-reorder", test_move_reorder);
  ADD ("merge", test_merge);
  ADD ("delete", test_delete);
#undef ADD

  return g_test_run ();
}
