/* bench-brief.c: an annotated brief of 10,000 annotations in each format.
 *
 * The sample project (report and transcript) gets 10,000 passages spread
 * over its paragraphs — each with the turn's speaker or one of the
 * stakeholders, one or two of the twelve sample themes, a stance, a memo on
 * every other one, and a paraphrase link on every tenth — written straight
 * into the tables in one transaction. Then each format is made in a child
 * process of its own, from opening the project to the renamed file, so its
 * time and peak memory (getrusage ru_maxrss) are its own.
 *
 * Goals: Markdown and HTML under 1 s, PDF under 5 s, each under 200 MB.
 * The PDF's pages are laid out in one thread while another draws them,
 * so with two cores or more its CPU time is above its wall time.
 * Without --format, the same project then goes out as REFI-QDA (.qdpx) and
 * into a new project, as figures for the data exports (no goal set).
 *
 * Options for profiling one format: --format=pdf makes only that one,
 * --annotations=N makes a smaller brief, --keep leaves the project and
 * the files in their temporary folder (its path is printed).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "bench-corpus.h"
#include "sp-brief-export.h"
#include "sp-database.h"
#include "sp-export.h"
#include "sp-project-private.h"
#include "sp-project-themes.h"
#include "sp-sample.h"
#include "sp-text-index.h"

#define N_ANNOTATIONS 10000

static int n_annotations = N_ANNOTATIONS;

static const char * const stances[] = { NULL, "supports", "opposes", "mixed", "neutral", "unclear" };

typedef struct
{
  gint64 document_id;
  gint64 start;
  gint64 end;
  gint64 stakeholder_id;  /* the enclosing turn's speaker, or 0 */
} Paragraph;

/* The body paragraphs of @document_id, each with its turn's speaker. */
static void
collect_paragraphs (SpProject *project,
                    gint64     document_id,
                    GArray    *paragraphs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) segments = sp_project_list_segments (project, document_id, &error);
  gint64 turn_end = 0, turn_stakeholder = 0;

  if (segments == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < segments->len; i++)
    {
      const SpSegmentInfo *segment = g_ptr_array_index (segments, i);

      if (segment->kind == SP_SEGMENT_TURN)
        {
          turn_end = segment->end;
          turn_stakeholder = segment->stakeholder_id;
        }
      else if (segment->kind == SP_SEGMENT_PARAGRAPH && segment->end - segment->start >= 40)
        {
          Paragraph paragraph = { document_id, segment->start, segment->end,
                                  segment->start < turn_end ? turn_stakeholder : 0 };

          g_array_append_val (paragraphs, paragraph);
        }
    }
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = sp_db_prepare (db, sql, &error);

  if (stmt == NULL)
    g_error ("%s", error->message);
  return stmt;
}

static void
step (sqlite3      *db,
      sqlite3_stmt *stmt)
{
  g_autoptr(GError) error = NULL;

  if (!sp_db_step_done (db, stmt, "bench insert", &error))
    g_error ("%s", error->message);
}

static void
fill_annotations (SpProject *project)
{
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, FALSE, sizeof (Paragraph));
  g_autoptr(GPtrArray) themes = sp_project_list_themes (project, &error);
  g_autoptr(GPtrArray) stakeholders = sp_project_list_stakeholders (project, &error);
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) tag = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  SpTextIndex *indexes[2];
  char *texts[2];
  gint64 report_id, transcript_id;
  g_autoptr(GPtrArray) documents = sp_project_list_documents (project, &error);

  if (themes == NULL || stakeholders == NULL || documents == NULL)
    g_error ("%s", error->message);
  report_id = ((SpDocumentInfo *) g_ptr_array_index (documents, 0))->id;
  transcript_id = ((SpDocumentInfo *) g_ptr_array_index (documents, 1))->id;
  collect_paragraphs (project, report_id, paragraphs);
  collect_paragraphs (project, transcript_id, paragraphs);
  for (guint d = 0; d < 2; d++)
    {
      texts[d] = sp_project_get_document_text (project, d == 0 ? report_id : transcript_id, &error);
      if (texts[d] == NULL)
        g_error ("%s", error->message);
      indexes[d] = sp_text_index_new (texts[d], strlen (texts[d]));
    }

  insert = prepare (db, "INSERT INTO annotations (document_id, start, end, quote, stakeholder_id, stance, memo,"
                        " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'now', 'now')");
  tag = prepare (db, "INSERT INTO annotation_themes (annotation_id, theme_id) VALUES (?1, ?2)");
  link = prepare (db, "INSERT INTO links (source_id, target_id, kind, created_at) VALUES (?1, ?2, 'paraphrases', 'now')");

  if (!sp_db_exec (db, "BEGIN", &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < (guint) n_annotations; i++)
    {
      const Paragraph *paragraph = &g_array_index (paragraphs, Paragraph, (i * 7) % paragraphs->len);
      SpTextIndex *index = indexes[paragraph->document_id == report_id ? 0 : 1];
      gint64 start = paragraph->start + (i % 5) * 4;
      gint64 end = MIN (paragraph->end, start + 60 + (i * 31) % 240);
      g_autofree char *quote = sp_text_index_substring (index, start, end);
      g_autofree char *memo = i % 2 == 0 ? g_strdup_printf ("Memo %u: <b>not bold</b> & *not emphasis*", i) : NULL;
      gint64 stakeholder_id = paragraph->stakeholder_id;
      gint64 id;

      if (stakeholder_id == 0 && i % 3 != 0)
        stakeholder_id = ((SpStakeholderInfo *) g_ptr_array_index (stakeholders, i % stakeholders->len))->id;

      sqlite3_bind_int64 (insert, 1, paragraph->document_id);
      sqlite3_bind_int64 (insert, 2, start);
      sqlite3_bind_int64 (insert, 3, end);
      sqlite3_bind_text (insert, 4, quote, -1, SQLITE_STATIC);
      if (stakeholder_id != 0)
        sqlite3_bind_int64 (insert, 5, stakeholder_id);
      else
        sqlite3_bind_null (insert, 5);
      sqlite3_bind_text (insert, 6, stances[i % G_N_ELEMENTS (stances)], -1, SQLITE_STATIC);
      sqlite3_bind_text (insert, 7, memo != NULL ? memo : "", -1, SQLITE_STATIC);
      step (db, insert);
      sqlite3_clear_bindings (insert);
      id = sqlite3_last_insert_rowid (db);

      for (guint t = 0; t < (i % 4 == 0 ? 2u : 1u); t++)
        {
          sqlite3_bind_int64 (tag, 1, id);
          sqlite3_bind_int64 (tag, 2, ((SpThemeInfo *) g_ptr_array_index (themes, (i + t * 5) % themes->len))->id);
          step (db, tag);
        }

      if (i % 10 == 9)
        {
          sqlite3_bind_int64 (link, 1, id);
          sqlite3_bind_int64 (link, 2, id - 1);
          step (db, link);
        }
    }
  if (!sp_db_exec (db, "INSERT INTO annotations_fts (rowid, quote, memo) SELECT id, quote, memo FROM annotations;"
                       "COMMIT", &error))
    g_error ("%s", error->message);

  for (guint d = 0; d < 2; d++)
    {
      sp_text_index_free (indexes[d]);
      g_free (texts[d]);
    }
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_utime.tv_usec / 1e6 +
         usage->ru_stime.tv_sec + usage->ru_stime.tv_usec / 1e6;
}

/* In a child: opens the project, makes the brief, writes it. */
static void
make_brief (const char    *project_path,
            SpBriefFormat  format,
            const char    *out_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpBriefScope) scope = sp_brief_scope_new ();
  g_autoptr(SpBrief) brief = NULL;
  struct rusage usage;
  double start, gathered, written;
  GStatBuf st;

  start = sp_bench_now_seconds ();
  project = sp_project_open (project_path, SP_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL)
    g_error ("%s", error->message);
  brief = sp_brief_new (project, scope, &error);
  if (brief == NULL)
    g_error ("%s", error->message);
  gathered = sp_bench_now_seconds ();
  if (!sp_brief_write (brief, format, SP_BRIEF_PAPER_A4, out_path, NULL, &error))
    g_error ("%s", error->message);
  written = sp_bench_now_seconds ();

  getrusage (RUSAGE_SELF, &usage);
  g_stat (out_path, &st);
  /* CPU time too: on a busy machine the wall clock says little. */
  g_print ("%-5s %u quotes  gather %.3f s  write %.3f s  total %.3f s (CPU %.3f s)  peak RSS %.1f MB  file %.1f kB\n",
           sp_brief_format_to_string (format), brief->n_quotes, gathered - start, written - gathered,
           written - start, cpu_seconds (&usage),
           usage.ru_maxrss / 1024.0, st.st_size / 1024.0);
}

/* In a child: the same project out as REFI-QDA and into a new project, the
 * way another team's tool would hand it back. */
static void
round_trip_qdpx (const char *project_path,
                 const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpProject) copy = NULL;
  g_autofree char *qdpx = g_build_filename (dir, "bench.qdpx", NULL);
  g_autofree char *copy_path = g_build_filename (dir, "copy.standpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (qdpx);
  struct rusage usage;
  double start, exported, imported;

  start = sp_bench_now_seconds ();
  project = sp_project_open (project_path, SP_PROJECT_OPEN_READ_ONLY, &error);
  if (project == NULL || !sp_export_to_path (project, SP_EXPORT_QDPX, qdpx, NULL, &error))
    g_error ("%s", error->message);
  exported = sp_bench_now_seconds ();
  copy = sp_project_create (copy_path, &error);
  if (copy == NULL || !sp_import_refi_qda (copy, file, NULL, &error))
    g_error ("%s", error->message);
  imported = sp_bench_now_seconds ();

  getrusage (RUSAGE_SELF, &usage);
  g_print ("qdpx  %u annotations  export %.3f s  import %.3f s  total %.3f s (CPU %.3f s)  peak RSS %.1f MB\n",
           sp_project_count_annotations (copy, NULL), exported - start, imported - exported,
           imported - start, cpu_seconds (&usage), usage.ru_maxrss / 1024.0);
}

/* Runs @func in a child process, so each measurement has its own peak
 * memory. */
static void
in_child (void (*func) (gpointer data),
          gpointer data,
          const char *what)
{
  int status = 0;
  pid_t pid = fork ();

  if (pid == 0)
    {
      func (data);
      fflush (stdout);
      _exit (0);
    }
  waitpid (pid, &status, 0);
  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed", what);
}

typedef struct
{
  const char    *project_path;
  const char    *dir;
  SpBriefFormat  format;
  const char    *out_path;
} Job;

static void
make_brief_job (gpointer data)
{
  Job *job = data;

  make_brief (job->project_path, job->format, job->out_path);
}

static void
round_trip_job (gpointer data)
{
  Job *job = data;

  round_trip_qdpx (job->project_path, job->dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *only_format = NULL;
  gboolean keep = FALSE;
  static const SpBriefFormat formats[] = { SP_BRIEF_FORMAT_MARKDOWN, SP_BRIEF_FORMAT_HTML, SP_BRIEF_FORMAT_PDF };
  SpBriefFormat only = SP_BRIEF_FORMAT_PDF;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &only_format, "Make only this format (md, html, pdf)", "FORMAT" },
    { "annotations", 0, 0, G_OPTION_ARG_INT, &n_annotations, "Annotations in the project (10000)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the project and the files made", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new ("— time briefs of many annotations");

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (only_format != NULL && !sp_brief_format_from_string (only_format, &only))
    g_error ("unknown format “%s”: use md, html or pdf", only_format);
  if (n_annotations < 1)
    g_error ("--annotations must be at least 1, not %d", n_annotations);

  dir = g_dir_make_tmp ("bench-brief-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  project_path = g_build_filename (dir, "bench.standpoint", NULL);

  {
    g_autoptr(SpProject) project = sp_sample_project_open (project_path, NULL, &error);

    if (project == NULL)
      g_error ("%s", error->message);
    fill_annotations (project);
    sp_project_close (project);
  }

  g_print ("brief of %d annotations (sample corpus, 12 themes, a link on every tenth):\n", n_annotations);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("brief.%s", sp_brief_format_to_string (formats[i]));
      g_autofree char *out_path = g_build_filename (dir, name, NULL);
      Job job = { project_path, dir, formats[i], out_path };

      if (only_format != NULL && formats[i] != only)
        continue;
      in_child (make_brief_job, &job, name);
      if (!keep)
        g_unlink (out_path);
    }
  if (only_format == NULL)
    {
      Job job = { project_path, dir, 0, NULL };

      in_child (round_trip_job, &job, "the REFI-QDA round trip");
    }

  if (keep)
    g_print ("kept in %s\n", dir);
  else
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

      if (system (command) != 0)
        g_printerr ("could not remove %s\n", dir);
    }
  return 0;
}
