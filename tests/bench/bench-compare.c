/* bench-compare.c: the matrix, the agreement map and the passages behind
 * one cell, for 200 stakeholders x 100 themes x 100,000 annotations.
 *
 * Goal: median under 100 ms each. Run with `meson test -C build
 * --benchmark --verbose` or directly:
 * bench-compare [STAKEHOLDERS] [THEMES] [ANNOTATIONS].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench-corpus.h"
#include "sp-compare.h"
#include "sp-import-file.h"
#include "sp-project-private.h"

#define RUNS 11
#define GOAL_MS 100.0

/* Stakeholders, themes and annotations straight into the tables, in one
 * transaction. Each annotation has a theme, every fourth a second one;
 * stances cycle through all five and none; a few have no stakeholder.
 * Quotes and context are about as long as real ones (~200 + 2 x 32
 * characters), as a scan of the annotations reads all of that. */
static void
fill_project (SpProject *project,
              gint64     document_id,
              guint      n_stakeholders,
              guint      n_themes,
              guint      n_annotations)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf (
    "BEGIN;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO stakeholders (name, sector, created_at)"
    " SELECT 'Bench stakeholder ' || i,"
    "  CASE i %% 4 WHEN 0 THEN 'government' WHEN 1 THEN 'industry' WHEN 2 THEN 'academia' ELSE 'civil society' END,"
    "  'now' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO themes (name, position, created_at) SELECT 'Bench theme ' || i, i, 'now' FROM n;"
    "CREATE TEMP TABLE bench_stakeholders AS"
    " SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM stakeholders WHERE name LIKE 'Bench stakeholder %%';"
    "CREATE TEMP TABLE bench_themes AS"
    " SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM themes WHERE name LIKE 'Bench theme %%';"
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u)"
    " INSERT INTO annotations (document_id, start, end, quote, prefix, suffix, stakeholder_id, stance,"
    "  created_at, updated_at)"
    " SELECT %" G_GINT64_FORMAT ", i * 10, i * 10 + 8, printf('passage %%d %%.190c', i, 'x'),"
    "  printf('%%.32c', 'p'), printf('%%.32c', 's'),"
    "  CASE WHEN i %% 50 = 0 THEN NULL ELSE (SELECT id FROM bench_stakeholders WHERE k = (i * 7) %% %u) END,"
    "  CASE i %% 6 WHEN 0 THEN NULL WHEN 1 THEN 'supports' WHEN 2 THEN 'opposes' WHEN 3 THEN 'mixed'"
    "   WHEN 4 THEN 'neutral' ELSE 'unclear' END,"
    "  'now', 'now' FROM n;"
    "INSERT INTO annotation_themes (annotation_id, theme_id)"
    " SELECT a.id, (SELECT id FROM bench_themes WHERE k = ((a.id * 2654435761) >> 8) %% %u) FROM annotations a;"
    "INSERT OR IGNORE INTO annotation_themes (annotation_id, theme_id)"
    " SELECT a.id, (SELECT id FROM bench_themes WHERE k = (a.id * 29 + 1) %% %u) FROM annotations a"
    " WHERE a.id %% 4 = 0;"
    "COMMIT;",
    n_stakeholders, n_themes, n_annotations, document_id, n_stakeholders, n_themes, n_themes);
  if (!sp_db_exec (db, sql, &error))
    g_error ("could not fill the project: %s", error->message);
}

/* CPU time of this thread in ms: on a busy shared machine wall time
 * mostly measures the other processes. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

typedef gpointer (*BenchFunc) (SpProject *project, gpointer data, GError **error);

/* Runs @func RUNS times; prints the median and worst wall time and the
 * median CPU time, and returns the median wall time in ms. */
static double
measure (const char     *label,
         SpProject      *project,
         BenchFunc       func,
         GDestroyNotify  free_func,
         gpointer        data)
{
  double times[RUNS];
  double cpu[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      double t0 = sp_bench_now_seconds ();
      double c0 = cpu_ms ();
      gpointer result = func (project, data, &error);

      cpu[r] = cpu_ms () - c0;
      times[r] = (sp_bench_now_seconds () - t0) * 1000.0;
      g_assert_no_error (error);
      free_func (result);
    }
  qsort (times, RUNS, sizeof (double), sp_bench_compare_double);
  qsort (cpu, RUNS, sizeof (double), sp_bench_compare_double);
  g_print ("%-32s %10.1f %10.1f %10.1f %s\n", label, times[RUNS / 2], times[RUNS - 1], cpu[RUNS / 2],
           times[RUNS / 2] < GOAL_MS ? "ok" : "OVER GOAL");
  return times[RUNS / 2];
}

typedef struct
{
  SpCompareFilter *filter;
  gint64           stakeholder_id;
  gint64           theme_id;
} Query;

static gpointer
run_matrix (SpProject *project, gpointer data, GError **error)
{
  return sp_project_compute_matrix (project, ((Query *) data)->filter, error);
}

static gpointer
run_agreement (SpProject *project, gpointer data, GError **error)
{
  return sp_project_compute_agreement (project, ((Query *) data)->filter, error);
}

static gpointer
run_cell (SpProject *project, gpointer data, GError **error)
{
  Query *query = data;
  return sp_project_list_cell_annotations (project, query->stakeholder_id, query->theme_id, query->filter, error);
}

static gpointer
run_theme (SpProject *project, gpointer data, GError **error)
{
  Query *query = data;
  return sp_project_compare_theme (project, query->theme_id, query->filter, error);
}

int
main (int   argc,
      char *argv[])
{
  guint n_stakeholders = argc > 1 ? (guint) atoi (argv[1]) : 200;
  guint n_themes = argc > 2 ? (guint) atoi (argv[2]) : 100;
  guint n_annotations = argc > 3 ? (guint) atoi (argv[3]) : 100000;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-bench-compare-XXXXXX", NULL);
  g_autofree char *input = g_build_filename (dir, "hearing.txt", NULL);
  g_autofree char *path = g_build_filename (dir, "Bench.standpoint", NULL);
  g_autoptr(GString) text = sp_bench_build_transcript (2 * 1024 * 1024);
  g_autoptr(SpCompareFilter) sectors = sp_compare_filter_new ();
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpMatrix) matrix = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gint64 document_id;
  Query all = { 0 };
  Query filtered = { 0 };
  double started;
  gboolean over = FALSE;

  g_assert_true (g_file_set_contents (input, text->str, text->len, NULL));
  project = sp_project_create (path, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (input);
  if ((document_id = sp_import_file (project, file, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error)) == 0)
    g_error ("import failed: %s", error->message);

  started = sp_bench_now_seconds ();
  fill_project (project, document_id, n_stakeholders, n_themes, n_annotations);
  g_print ("project: %u stakeholders, %u themes, %u annotations, filled in %.1f s\n",
           n_stakeholders, n_themes, sp_project_count_annotations (project, NULL),
           sp_bench_now_seconds () - started);

  /* Measured as a user finds it: opened afresh, the bulk write long since
   * checkpointed out of the write-ahead log. */
  g_clear_object (&project);
  project = sp_project_open (path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  /* The cell to list: the matrix's busiest, as a click would pick it. */
  matrix = sp_project_compute_matrix (project, NULL, &error);
  g_assert_no_error (error);
  for (guint row = 0; row < matrix->stakeholders->len; row++)
    for (guint column = 0; column < matrix->themes->len; column++)
      if (sp_matrix_get_cell (matrix, row, column)->n_passages == matrix->max_passages && all.theme_id == 0)
        {
          all.stakeholder_id = ((SpStakeholderInfo *) matrix->stakeholders->pdata[row])->id;
          all.theme_id = ((SpThemeInfo *) matrix->themes->pdata[column])->id;
        }
  g_print ("matrix: %u x %u, busiest cell %u passages\n",
           matrix->stakeholders->len, matrix->themes->len, matrix->max_passages);

  sectors->sectors = g_strsplit ("Academia,industry", ",", -1);
  sectors->stances = (1 << SP_STANCE_SUPPORTS) | (1 << SP_STANCE_OPPOSES);
  filtered = all;
  filtered.filter = sectors;

  g_print ("%-32s %10s %10s %10s\n", "", "median ms", "max ms", "cpu ms");
  over |= measure ("matrix", project, run_matrix, (GDestroyNotify) sp_matrix_free, &all) >= GOAL_MS;
  over |= measure ("matrix, sector+stance filter", project, run_matrix, (GDestroyNotify) sp_matrix_free,
                   &filtered) >= GOAL_MS;
  over |= measure ("agreement", project, run_agreement, (GDestroyNotify) sp_agreement_free, &all) >= GOAL_MS;
  over |= measure ("agreement, sector+stance filter", project, run_agreement,
                   (GDestroyNotify) sp_agreement_free, &filtered) >= GOAL_MS;
  over |= measure ("list_cell_annotations", project, run_cell, (GDestroyNotify) g_ptr_array_unref, &all) >= GOAL_MS;
  /* No goal set for it; measured so the UI knows what a theme costs. */
  measure ("compare_theme (no goal)", project, run_theme, (GDestroyNotify) g_ptr_array_unref, &all);

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
  /* Reported, not failed: timings on a shared machine are noisy. */
  g_print (over ? "goal of %.0f ms MISSED\n" : "goal of %.0f ms met\n", GOAL_MS);
  return 0;
}
