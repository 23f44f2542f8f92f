/* bench-search.c: search speed on a ~100 MB transcript built from the
 * corpus turns (as bench-import.c builds it) with 100,000 annotations.
 *
 * Goal: median time per query under 50 ms, for the first 50 hits as the
 * UI shows them. Run with `meson test -C build --benchmark --verbose` or
 * directly: bench-search [MEGABYTES] [ANNOTATIONS].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sp-annotations.h"
#include "bench-corpus.h"
#include "sp-import-file.h"
#include "sp-project-private.h"
#include "sp-search.h"

#define RUNS 15

/* Annotations straight into the tables, in one transaction: setting up
 * 100,000 of them one command at a time is not what is measured here. */
static void
add_annotations (SpProject *project,
                 guint      n)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "BEGIN;"
    "INSERT INTO themes (name, created_at) VALUES"
    " ('Bench A', 'now'), ('Bench B', 'now'), ('Bench C', 'now'), ('Bench D', 'now'), ('Bench E', 'now');"
    "INSERT INTO annotations (document_id, start, end, quote, stakeholder_id, stance, memo, created_at, updated_at)"
    " SELECT s.document_id, s.start, s.start + length(substr(f.text, 1, 120)), substr(f.text, 1, 120),"
    "  (SELECT t.stakeholder_id FROM segments t WHERE t.document_id = s.document_id AND t.kind = 'turn'"
    "    AND t.start <= s.start ORDER BY t.start DESC LIMIT 1),"
    "  CASE s.id %% 3 WHEN 0 THEN 'supports' WHEN 1 THEN 'opposes' ELSE 'mixed' END,"
    "  'memo ' || (s.id %% 997) || ' on consensus and values', 'now', 'now'"
    " FROM segments s JOIN segments_fts f ON f.rowid = s.id"
    " WHERE s.kind = 'paragraph' ORDER BY s.id LIMIT %u;"
    "INSERT INTO annotations_fts (rowid, quote, memo) SELECT id, quote, memo FROM annotations;"
    "INSERT INTO annotation_themes (annotation_id, theme_id)"
    " SELECT a.id, (SELECT id FROM themes WHERE name = 'Bench ' || char(65 + a.id %% 5)) FROM annotations a;"
    "COMMIT;", n);
  if (!sp_db_exec (db, sql, &error))
    g_error ("could not add annotations: %s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  gsize megabytes = argc > 1 ? (gsize) atoi (argv[1]) : 100;
  guint n_annotations = argc > 2 ? (guint) atoi (argv[2]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-bench-search-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "hearing.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "Bench.standpoint", NULL);
  g_autoptr(GString) text = sp_bench_build_transcript (megabytes * 1024 * 1024);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpStakeholderInfo) thomas = NULL;
  gint64 theme;
  double started;
  struct {
    const char     *label;
    const char     *query;
    SpSearchFilter  filter;
  } queries[] = {
    { "word", "consensus", { 0 } },
    { "punctuated word", "like-minded", { 0 } },
    { "phrase", "\"like-minded standards\"", { 0 } },
    { "prefix", "export contr*", { 0 } },
    { "two words, reading order", "Huawei 5G", { .order = SP_SEARCH_ORDER_READING } },
    { "word, stakeholder filter", "China", { 0 } },
    { "memo word, theme filter", "values", { 0 } },
    { "rare word", "COPOLCO", { 0 } },
  };

  g_assert_true (g_file_set_contents (input, text->str, text->len, NULL));
  g_print ("corpus: %.1f MB transcript, %u annotations\n", text->len / 1048576.0, n_annotations);

  started = sp_bench_now_seconds ();
  project = sp_project_create (path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (input);
  if (sp_import_file (project, file, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error) == 0)
    g_error ("import failed: %s", error->message);
  g_print ("import: %.1f s\n", sp_bench_now_seconds () - started);

  started = sp_bench_now_seconds ();
  add_annotations (project, n_annotations);
  g_print ("annotations: %u added in %.1f s\n", sp_project_count_annotations (project, NULL),
           sp_bench_now_seconds () - started);

  thomas = sp_project_find_stakeholder (project, "Thomas Li", &error);
  g_assert_no_error (error);
  queries[5].filter.stakeholder_id = thomas->id;
  theme = sp_project_lookup_theme_id (project, "Bench C", &error);
  g_assert_no_error (error);
  queries[6].filter.theme_id = theme;

  g_print ("%-28s %8s %10s %10s\n", "query (first 50 hits)", "hits", "median ms", "max ms");
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      double times[RUNS];
      guint n_hits = 0;

      for (guint r = 0; r < RUNS; r++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          double t0 = sp_bench_now_seconds ();

          hits = sp_project_search (project, queries[q].query, &queries[q].filter, 50, &error);
          times[r] = (sp_bench_now_seconds () - t0) * 1000.0;
          g_assert_no_error (error);
          n_hits = hits->len;
        }
      qsort (times, RUNS, sizeof (double), sp_bench_compare_double);
      g_print ("%-28s %8u %10.1f %10.1f\n", queries[q].label, n_hits, times[RUNS / 2], times[RUNS - 1]);
    }

  g_clear_object (&project);
  if (g_getenv ("SP_BENCH_KEEP") != NULL)
    {
      g_print ("kept %s\n", path);
      return 0;
    }
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (command) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
