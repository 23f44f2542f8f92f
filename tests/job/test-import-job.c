/* test-import-job.c: importing files off the main thread, as the window
 * does — per-file outcomes, progress, cancellation, and the sample project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sp-error.h"
#include "sp-import-file.h"
#include "sp-import-job.h"
#include "sp-importer.h"
#include "sp-sample.h"
#include "test-helpers.h"

typedef SpTestFixture Fixture;

#define fixture_set_up    sp_test_fixture_set_up_empty
#define fixture_tear_down sp_test_fixture_tear_down

static GFile *
corpus_file (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("SP_TEST_CORPUS"), name, NULL);
  return g_file_new_for_path (path);
}

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  guint      n_finished;
  guint      n_changed;
  double     last_fraction;
  GThread   *main_thread;
} Outcome;

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Outcome *outcome = user_data;

  outcome->ok = sp_import_job_run_finish (SP_IMPORT_JOB (object), result, &outcome->error);
  g_main_loop_quit (outcome->loop);
}

static void
file_finished_cb (SpImportJob *job,
                  guint        index,
                  Outcome     *outcome)
{
  g_assert_true (g_thread_self () == outcome->main_thread);
  g_assert_cmpuint (index, ==, outcome->n_finished);
  outcome->n_finished++;
}

static void
fraction_cb (SpImportJob *job,
             GParamSpec  *pspec,
             Outcome     *outcome)
{
  g_assert_true (g_thread_self () == outcome->main_thread);
  g_assert_cmpfloat (sp_import_job_get_fraction (job), >=, outcome->last_fraction);
  outcome->last_fraction = sp_import_job_get_fraction (job);
}

static void
changed_cb (SpProject *project,
            guint      what,
            Outcome   *outcome)
{
  g_assert_true (g_thread_self () == outcome->main_thread);
  g_assert_true (what & SP_PROJECT_CHANGE_DOCUMENTS);
  outcome->n_changed++;
}

static void
run_job (SpProject    *project,
         SpImportJob  *job,
         GCancellable *cancellable,
         Outcome      *outcome)
{
  gulong changed_id;

  outcome->loop = g_main_loop_new (NULL, FALSE);
  outcome->main_thread = g_thread_self ();
  g_signal_connect (job, "file-finished", G_CALLBACK (file_finished_cb), outcome);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (fraction_cb), outcome);
  changed_id = g_signal_connect (project, "changed", G_CALLBACK (changed_cb), outcome);

  sp_import_job_run_async (job, cancellable, run_done_cb, outcome);
  g_main_loop_run (outcome->loop);

  g_signal_handler_disconnect (project, changed_id);
  g_main_loop_unref (outcome->loop);
}

static void
test_mixed_files (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *binary_path = g_build_filename (fixture->dir, "picture.png", NULL);
  g_autoptr(GFile) report = corpus_file ("geopolitics-of-standards-report.md");
  g_autoptr(GFile) transcript = corpus_file ("geopolitics-of-standards-webinar-transcript.txt");
  g_autoptr(GFile) binary = g_file_new_for_path (binary_path);
  g_autoptr(GFile) report_again = corpus_file ("geopolitics-of-standards-report.md");
  GFile *files[] = { report, transcript, binary, report_again };
  g_autoptr(SpImportJob) job = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  Outcome outcome = { 0 };

  static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";

  g_assert_true (g_file_set_contents (binary_path, png, sizeof png - 1, NULL));

  job = sp_import_job_new (fixture->project, files, G_N_ELEMENTS (files));
  run_job (fixture->project, job, NULL, &outcome);

  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_cmpuint (outcome.n_finished, ==, 4);
  g_assert_cmpuint (outcome.n_changed, ==, 2);
  g_assert_cmpfloat (outcome.last_fraction, ==, 1.0);

  g_assert_cmpuint (sp_import_job_get_n_imported (job), ==, 2);
  g_assert_cmpuint (sp_import_job_get_n_failed (job), ==, 2);
  g_assert_cmpint (sp_import_job_get_document_id (job, 0), >, 0);
  g_assert_cmpint (sp_import_job_get_document_id (job, 1), >, 0);
  g_assert_null (sp_import_job_get_file_error (job, 1));
  g_assert_error ((GError *) sp_import_job_get_file_error (job, 2), SP_IMPORT_ERROR, SP_IMPORT_ERROR_BINARY);
  g_assert_nonnull (strstr (sp_import_job_get_file_error (job, 2)->message, "picture.png"));
  g_assert_error ((GError *) sp_import_job_get_file_error (job, 3), SP_ERROR, SP_ERROR_DUPLICATE);
  g_assert_cmpint (sp_import_job_get_document_id (job, 3), ==, 0);

  /* The window's own connection sees what the worker stored. */
  documents = sp_project_list_documents (fixture->project, NULL);
  g_assert_cmpuint (documents->len, ==, 2);
}

static void
cancel_on_first_progress_cb (SpImportJob  *job,
                             GParamSpec   *pspec,
                             GCancellable *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *big_path = g_build_filename (fixture->dir, "long-hearing.txt", NULL);
  g_autoptr(GFile) big = g_file_new_for_path (big_path);
  g_autoptr(GFile) transcript = corpus_file ("geopolitics-of-standards-webinar-transcript.txt");
  GFile *files[] = { big, transcript };
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(SpImportJob) job = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GString) text = g_string_new ("Hearing\n\n");
  Outcome outcome = { 0 };

  for (guint i = 0; text->len < 20 * 1000 * 1000; i++)
    g_string_append_printf (text, "Witness Number%u %u:%02u:%02u\n\nI support the proposal on export control, "
                            "subject to the views of the committee.\n\n",
                            i % 50, i / 3600 % 24, i / 60 % 60, i % 60);
  g_assert_true (g_file_set_contents (big_path, text->str, text->len, NULL));

  job = sp_import_job_new (fixture->project, files, G_N_ELEMENTS (files));
  g_signal_connect (job, "notify::current-file", G_CALLBACK (cancel_on_first_progress_cb), cancellable);
  run_job (fixture->project, job, cancellable, &outcome);

  g_assert_false (outcome.ok);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&outcome.error);

  /* Nothing of the cancelled file (or the one after it) is in the project. */
  documents = sp_project_list_documents (fixture->project, NULL);
  g_assert_cmpuint (documents->len, ==, 0);
  stakeholders = sp_project_list_stakeholders (fixture->project, NULL);
  g_assert_cmpuint (stakeholders->len, ==, 0);
}

static void
test_sample_project (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "nested", "Sample.standpoint", NULL);
  g_autoptr(SpProject) sample = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = sp_sample_project_default_path ();

  g_assert_true (g_str_has_suffix (default_path, ".standpoint"));

  sample = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  documents = sp_project_list_documents (sample, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  g_assert_cmpint (((SpDocumentInfo *) documents->pdata[0])->kind, ==, SP_DOCUMENT_KIND_REPORT);
  g_assert_cmpint (((SpDocumentInfo *) documents->pdata[1])->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  stakeholders = sp_project_list_stakeholders (sample, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stakeholders->len, ==, 8);

  /* Opening it again opens the same file rather than building another. */
  sp_project_close (sample);
  g_clear_object (&sample);
  g_clear_pointer (&documents, g_ptr_array_unref);
  sample = sp_sample_project_open (path, NULL, &error);
  g_assert_no_error (error);
  documents = sp_project_list_documents (sample, &error);
  g_assert_cmpuint (documents->len, ==, 2);
}

static void
test_file_refused_before_reading (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *huge_path = g_build_filename (fixture->dir, "huge.txt", NULL);
  g_autoptr(GFile) huge = g_file_new_for_path (huge_path);
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  FILE *file;

  /* A sparse 200 MB file: refused from its size, never read into memory. */
  file = fopen (huge_path, "w");
  g_assert_nonnull (file);
  g_assert_cmpint (fseeko (file, (off_t) 200 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('\n', file), ==, '\n');
  fclose (file);

  g_assert_cmpint (sp_import_file (fixture->project, huge, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error), ==, 0);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  g_assert_nonnull (strstr (error->message, "200.0"));
  g_clear_error (&error);

  g_assert_cmpint (sp_import_file (fixture->project, folder, SP_IMPORT_FORMAT_AUTO, NULL, NULL, &error), ==, 0);
  g_assert_error (error, SP_IMPORT_ERROR, SP_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "is not a file"));

  documents = sp_project_list_documents (fixture->project, NULL);
  g_assert_cmpuint (documents->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/import/job/mixed-files", Fixture, NULL, fixture_set_up, test_mixed_files, fixture_tear_down);
  g_test_add ("/import/job/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/import/file/refused-before-reading", Fixture, NULL, fixture_set_up,
              test_file_refused_before_reading, fixture_tear_down);
  g_test_add ("/import/job/sample-project", Fixture, NULL, fixture_set_up, test_sample_project, fixture_tear_down);

  return g_test_run ();
}
