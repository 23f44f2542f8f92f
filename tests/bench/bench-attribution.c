/* bench-attribution.c: the attribution check of a ~1 MB report against a
 * ~10 MB transcript, both built from the corpus: the transcript as
 * bench-import.c builds it, the report from the transcript's sentences
 * rewritten as a report would cite them ("As Scott Kennedy observes, …",
 * "He notes that …", "See expert discussion." and "Ibid." footnotes).
 *
 * Goal: median time of a whole check under 2 s. Run with
 * `meson test -C build --benchmark --verbose` or directly:
 * bench-attribution [REPORT-KB] [TRANSCRIPT-MB].
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-corpus.h"
#include "sp-attribution.h"
#include "sp-import-file.h"

#define RUNS 5

static const char * const names[] = {
  "Scott Kennedy", "Milton Mueller", "Thomas Li", "Andrea Renda", "June Park", "Baisheng An",
};

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Sentences of the corpus transcript's paragraphs, long enough to say
 * something, without their final stop. */
static GPtrArray *
corpus_sentences (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_TEST_CORPUS"),
                                            "geopolitics-of-standards-webinar-transcript.txt", NULL);
  g_autofree char *corpus = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &corpus, NULL, NULL))
    g_error ("cannot read %s (set SP_TEST_CORPUS)", path);
  lines = g_strsplit (corpus, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) parts = NULL;

      if (strlen (lines[i]) < 200)
        continue;  /* speaker lines, list items, footnotes */
      parts = g_strsplit (lines[i], ". ", -1);
      for (guint j = 0; parts[j] != NULL; j++)
        if (strlen (parts[j]) > 60 && strchr (parts[j], '<') == NULL)
          g_ptr_array_add (sentences, g_strdup (parts[j]));
    }
  return sentences;
}

/* Paragraphs of five sentences: one naming a speaker with a "See expert
 * discussion" note, one going on with "He notes that" and an "Ibid.", one
 * plain, one with a note citing something else, one plain. */
static GString *
build_report (gsize target_bytes)
{
  g_autoptr(GPtrArray) sentences = corpus_sentences ();
  GString *out = g_string_sized_new (target_bytes + 4096);
  guint next = 0, note = 1, paragraph = 0;

  g_string_append (out, "# A very long report on technology standards\n\n");
  while (out->len < target_bytes)
    {
#define SENTENCE() ((const char *) sentences->pdata[next++ % sentences->len])
      const char *name = names[paragraph % G_N_ELEMENTS (names)];

      if (paragraph % 10 == 0)
        g_string_append_printf (out, "## Section %u\n\n", paragraph / 10 + 1);
      g_string_append_printf (out, "As %s observes, %s.<sup>%u</sup> ", name, SENTENCE (), note);
      g_string_append_printf (out, "He notes that %s.<sup>%u</sup> ", SENTENCE (), note + 1);
      g_string_append_printf (out, "%s. ", SENTENCE ());
      g_string_append_printf (out, "In the U.S. and elsewhere, e.g. in Europe, %s.<sup>%u</sup> ", SENTENCE (), note + 2);
      g_string_append_printf (out, "%s.\n\n", SENTENCE ());
      g_string_append_printf (out, "<sup>%u</sup> See expert discussion.\n\n", note);
      g_string_append_printf (out, "<sup>%u</sup> Ibid.\n\n", note + 1);
      g_string_append_printf (out, "<sup>%u</sup> Standards Council (2022). Annual report.\n\n", note + 2);
      note += 3;
      paragraph++;
#undef SENTENCE
    }
  return out;
}

static gint64
import_text (SpProject  *project,
             const char *dir,
             const char *name,
             GString    *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  if ((id = sp_import_file (project, file, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error)) == 0)
    g_error ("import of %s failed: %s", name, error->message);
  return id;
}

int
main (int   argc,
      char *argv[])
{
  gsize report_kb = argc > 1 ? (gsize) atoi (argv[1]) : 1024;
  gsize transcript_mb = argc > 2 ? (gsize) atoi (argv[2]) : 10;
  g_autofree char *dir = g_dir_make_tmp ("standpoint-bench-attribution-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "Bench.standpoint", NULL);
  g_autoptr(GString) transcript_text = sp_bench_build_transcript (transcript_mb * 1024 * 1024);
  g_autoptr(GString) report_text = build_report (report_kb * 1024);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 report_id, transcript_id;
  double times[RUNS];
  guint n_passages = 0, n_proposed = 0;
  double started;

  g_print ("corpus: %.1f MB report, %.1f MB transcript\n",
           report_text->len / 1048576.0, transcript_text->len / 1048576.0);

  started = sp_bench_now_seconds ();
  project = sp_project_create (path, &error);
  g_assert_no_error (error);
  report_id = import_text (project, dir, "report.md", report_text);
  transcript_id = import_text (project, dir, "hearing.txt", transcript_text);
  g_print ("import: %.1f s\n", sp_bench_now_seconds () - started);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GPtrArray) attributions = NULL;
      double t0 = sp_bench_now_seconds ();

      attributions = sp_project_check_attributions (project, report_id, transcript_id, 0, NULL, &error);
      times[r] = sp_bench_now_seconds () - t0;
      g_assert_no_error (error);
      n_passages = attributions->len;
      n_proposed = 0;
      for (guint i = 0; i < attributions->len; i++)
        n_proposed += ((SpAttribution *) attributions->pdata[i])->state == SP_ATTRIBUTION_PROPOSED;
    }
  qsort (times, RUNS, sizeof (double), (int (*) (const void *, const void *)) compare_double);
  g_print ("attributed passages: %u (%u with candidates)\n", n_passages, n_proposed);
  g_print ("check: median %.2f s, min %.2f s, max %.2f s over %d runs (goal < 2 s)\n",
           times[RUNS / 2], times[0], times[RUNS - 1], RUNS);

  g_clear_object (&project);
  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (command) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return times[RUNS / 2] < 2.0 ? 0 : 1;
}
