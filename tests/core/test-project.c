/* test-project.c: the project file — creating, opening, every way opening
 * can fail (with the file left byte-for-byte as it was), storing documents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sp-error.h"
#include "sp-project.h"
#include "sp-schema-private.h"
#include "test-helpers.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = sp_test_make_dir ("standpoint-test-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "Test.standpoint", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_chmod (fixture->dir, 0700);
  sp_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* A small transcript-like document built by hand, so these tests do not
 * depend on the importers. */
static SpDocumentContent *
make_content (const char *title,
              const char *speaker_a,
              const char *speaker_b)
{
  SpDocumentContent *content = sp_document_content_new (SP_DOCUMENT_KIND_TRANSCRIPT);
  guint start, label_end, end;
  int turn, label, paragraph;

  sp_document_content_set_title (content, title);
  start = sp_document_content_append (content, title, -1);
  sp_document_content_add_segment (content, SP_SEGMENT_HEADING, start, content->n_chars);
  sp_document_content_get_segment (content, 0)->level = 1;

  sp_document_content_append (content, "\n\n", -1);
  start = sp_document_content_append (content, speaker_a, -1);
  sp_document_content_append (content, " 00:09", -1);
  label_end = content->n_chars;
  sp_document_content_append (content, "\n\n", -1);
  sp_document_content_append (content, "Standards bodies reach consensus between unlike-minded parties — “like-minded standards” is a contradiction.", -1);
  end = content->n_chars;
  turn = sp_document_content_add_segment (content, SP_SEGMENT_TURN, start, end);
  sp_document_content_get_segment (content, turn)->speaker = g_strdup (speaker_a);
  sp_document_content_get_segment (content, turn)->timestamp_ms = 9000;
  label = sp_document_content_add_segment (content, SP_SEGMENT_SPEAKER, start, label_end);
  sp_document_content_get_segment (content, label)->speaker = g_strdup (speaker_a);
  sp_document_content_get_segment (content, label)->timestamp_ms = 9000;
  paragraph = sp_document_content_add_segment (content, SP_SEGMENT_PARAGRAPH, label_end + 2, end);
  sp_document_content_get_segment (content, paragraph)->number = 1;

  sp_document_content_append (content, "\n\n", -1);
  start = sp_document_content_append (content, speaker_b, -1);
  sp_document_content_append (content, " 01:03:02", -1);
  label_end = content->n_chars;
  sp_document_content_append (content, "\n\nExport control has spilled over into standards participation.", -1);
  end = content->n_chars;
  turn = sp_document_content_add_segment (content, SP_SEGMENT_TURN, start, end);
  sp_document_content_get_segment (content, turn)->speaker = g_strdup (speaker_b);
  sp_document_content_get_segment (content, turn)->timestamp_ms = 3782000;
  paragraph = sp_document_content_add_segment (content, SP_SEGMENT_PARAGRAPH, label_end + 2, end);
  sp_document_content_get_segment (content, paragraph)->number = 2;

  sp_document_content_sort (content);
  return content;
}

static gint64
add_sample (SpProject  *project,
            const char *title,
            const char *sha256)
{
  g_autoptr(SpDocumentContent) content = make_content (title, "Thomas Li", "Scott Kennedy");
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = sp_project_add_document (project, content, "sample.txt", sha256, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_create_and_reopen (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  project = sp_project_create (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_false (sp_project_is_read_only (project));
  title = sp_project_dup_title (project);
  g_assert_cmpstr (title, ==, "Test");
  sp_project_close (project);
  g_clear_object (&project);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA application_id"), ==, 0x53545054);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, (int) sp_schema_get_version ());
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                             "('documents','segments','stakeholders','stakeholder_aliases',"
                                             "'themes','annotations','annotation_themes','links',"
                                             "'segments_fts','annotations_fts')"), ==, 10);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_schema_version (project), ==, sp_schema_get_version ());
  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);
  sp_project_close (project);

  /* WAL journal, kept in the file header. */
  {
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

static void
test_create_refuses_existing (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (fixture->path, "precious notes", -1, NULL));
  before = file_checksum (fixture->path);

  project = sp_project_create (fixture->path, &error);
  g_assert_null (project);
  g_assert_error (error, SP_ERROR, SP_ERROR_EXISTS);

  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

/* Opens @path expecting @code, and checks the file did not change. */
static void
assert_open_fails_untouched (const char *path,
                             int         code,
                             const char *message_part)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = file_checksum (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st_before, st_after;

  g_assert_cmpint (g_stat (path, &st_before), ==, 0);

  project = sp_project_open (path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (project);
  g_assert_error (error, SP_ERROR, code);
  g_assert_nonnull (strstr (error->message, message_part));
  g_test_message ("error: %s", error->message);

  after = file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (g_stat (path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_size, ==, st_after.st_size);
}

static void
test_open_missing (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (project);
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

static void
test_open_not_sqlite (Fixture       *fixture,
                      gconstpointer  data)
{
  g_assert_true (g_file_set_contents (fixture->path,
                                      "Robin Mansell 00:09\n\nWelcome to this webinar on the "
                                      "geopolitics of global high-tech standards.\n"
                                      "This is a transcript, not a project, and long enough "
                                      "to fill a SQLite header's hundred bytes.\n", -1, NULL));
  assert_open_fails_untouched (fixture->path, SP_ERROR_NOT_SQLITE, "not a SQLite database");

  g_assert_true (g_file_set_contents (fixture->path, "", 0, NULL));
  assert_open_fails_untouched (fixture->path, SP_ERROR_NOT_SQLITE, "empty");
}

static void
test_open_other_sqlite (Fixture       *fixture,
                        gconstpointer  data)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
                                     "INSERT INTO moz_places (url) VALUES ('https://oxgs.org');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_open_fails_untouched (fixture->path, SP_ERROR_NOT_PROJECT, "not a Standpoint project");
}

/* Overwrites 4 bytes at @offset with the big-endian @value. */
static void
poke_be32 (const char *path,
           goffset     offset,
           guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };
  int fd = g_open (path, O_WRONLY, 0);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, bytes, 4, offset), ==, 4);
  close (fd);
}

static void
make_project_with_document (const char *path)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  project = sp_project_create (path, &error);
  g_assert_no_error (error);
  add_sample (project, "Webinar", "0001");
  sp_project_close (project);
}

static void
test_open_too_new (Fixture       *fixture,
                   gconstpointer  data)
{
  make_project_with_document (fixture->path);
  poke_be32 (fixture->path, 60, 99); /* user_version */

  assert_open_fails_untouched (fixture->path, SP_ERROR_TOO_NEW, "newer version of Standpoint");
}

static void
test_open_damaged (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  int fd;

  make_project_with_document (fixture->path);
  g_assert_true (g_file_get_contents (fixture->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >=, 4096 * 4);

  /* Scribble over the second page, a b-tree page of the schema. */
  fd = g_open (fixture->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (goffset off = 4096; off < 4096 * 3; off += 64)
    g_assert_cmpint (pwrite (fd, "this page was overwritten by a faulty disk controller!!!!!!!!!!!", 64, off), ==, 64);
  close (fd);

  assert_open_fails_untouched (fixture->path, SP_ERROR_DAMAGED, "damaged");
}

static void
test_open_truncated (Fixture       *fixture,
                     gconstpointer  data)
{
  make_project_with_document (fixture->path);
  g_assert_cmpint (truncate (fixture->path, 4096 * 2 + 100), ==, 0);

  assert_open_fails_untouched (fixture->path, SP_ERROR_DAMAGED, "damaged");
}

static void
test_open_read_only_file (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentContent) content = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  make_project_with_document (fixture->path);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  before = file_checksum (fixture->path);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sp_project_is_read_only (project));
  g_assert_nonnull (strstr (sp_project_get_read_only_reason (project), "read-only"));

  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);

  content = make_content ("Another", "Thomas Li", "June Park");
  g_assert_cmpint (sp_project_add_document (project, content, "b.txt", "0002", NULL, &error), ==, 0);
  g_assert_error (error, SP_ERROR, SP_ERROR_READ_ONLY);
  sp_project_close (project);

  after = file_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_open_read_only_folder (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  make_project_with_document (fixture->path);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  if (access (fixture->dir, W_OK) == 0)
    {
      g_test_skip ("running as root: a folder without write bits is still writable");
      return;
    }

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sp_project_is_read_only (project));
  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
}

/* Runs @child_func in a child process that tells the parent through a pipe
 * when it is ready, then waits until the parent closes its end. */
static pid_t
spawn_holder (const char *path,
              gboolean    raw_sqlite,
              int        *release_fd)
{
  int ready[2], release[2];
  pid_t pid;
  char byte;

  g_assert_cmpint (pipe (ready), ==, 0);
  g_assert_cmpint (pipe (release), ==, 0);

  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      close (ready[0]);
      close (release[1]);

      if (raw_sqlite)
        {
          sqlite3 *db = NULL;

          if (sqlite3_open (path, &db) != SQLITE_OK ||
              sqlite3_exec (db, "BEGIN IMMEDIATE; INSERT INTO properties VALUES ('k', 'v');",
                            NULL, NULL, NULL) != SQLITE_OK)
            _exit (3);
          if (write (ready[1], "r", 1) != 1 || read (release[0], &byte, 1) < 0)
            _exit (4);
          _exit (0);
        }
      else
        {
          SpProject *project = sp_project_open (path, SP_PROJECT_OPEN_DEFAULT, NULL);

          if (project == NULL)
            _exit (3);
          if (write (ready[1], "r", 1) != 1 || read (release[0], &byte, 1) < 0)
            _exit (4);
          _exit (0);
        }
    }

  close (ready[1]);
  close (release[0]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  *release_fd = release[1];
  return pid;
}

static void
release_holder (pid_t pid,
                int   release_fd)
{
  int status = 0;

  close (release_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

static void
test_open_locked_by_standpoint (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpProject) read_only = NULL;
  g_autoptr(GError) error = NULL;
  int release_fd;
  pid_t pid;

  make_project_with_document (fixture->path);
  pid = spawn_holder (fixture->path, FALSE, &release_fd);

  assert_open_fails_untouched (fixture->path, SP_ERROR_LOCKED, "open in another Standpoint");

  /* Reading alongside is fine. */
  read_only = sp_project_open (fixture->path, SP_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (sp_project_is_read_only (read_only));
  g_clear_object (&read_only);

  release_holder (pid, release_fd);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (sp_project_is_read_only (project));
}

static void
test_open_locked_by_other_writer (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  int release_fd;
  pid_t pid;

  make_project_with_document (fixture->path);
  pid = spawn_holder (fixture->path, TRUE, &release_fd);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (project);
  g_assert_error (error, SP_ERROR, SP_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);

  release_holder (pid, release_fd);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
test_open_twice_in_process (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SpProject) first = NULL;
  g_autoptr(SpProject) second = NULL;
  g_autoptr(SpProject) secondary = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  make_project_with_document (fixture->path);
  first = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);

  second = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, SP_ERROR, SP_ERROR_LOCKED);
  g_clear_error (&error);

  /* The first connection still works: refusing the second did not drop
   * the first one's locks. */
  secondary = sp_project_open_secondary (first, &error);
  g_assert_no_error (error);
  add_sample (secondary, "From a worker", "0003");
  documents = sp_project_list_documents (first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);

  sp_project_close (first);
  second = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static void
test_old_schema_is_migrated (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  /* A project file as a crash between creating the file and the first
   * migration would leave it: our application id, schema version 0. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1398034516; VACUUM;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_schema_version (project), ==, sp_schema_get_version ());
  add_sample (project, "Migrated", "0004");
}

/* Leaves @path as a crash right after its first commit would: the header
 * changes are in the write-ahead log only, never checkpointed. */
static void
crash_after_commit (const char *path,
                    const char *sql)
{
  int status = 0;
  pid_t pid = fork ();

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;

      if (sqlite3_open (path, &db) != SQLITE_OK ||
          sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;",
                        NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (3);
      _exit (0);  /* no sqlite3_close: no checkpoint */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
}

/* The SQL that makes a project of schema @version from nothing, in one
 * transaction, as the migrations up to it would. */
static char *
schema_sql (guint version)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN; PRAGMA application_id = 1398034516;");

  for (guint v = 1; v <= version; v++)
    g_string_append_printf (sql, " %s;", sp_schema_get_migration (v));
  g_string_append_printf (sql, " PRAGMA user_version = %u; COMMIT;", version);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* A project made by the first release is upgraded when opened for
 * writing, keeps its documents, and is refused read-only (it cannot be
 * upgraded then) with a message that says so. */
static void
test_upgrade_from_version_1 (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *sql = schema_sql (1);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_error (error, SP_ERROR, SP_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, "older version"));
  g_assert_null (project);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, 1);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_schema_version (project), ==, sp_schema_get_version ());
  add_sample (project, "Upgraded", "0006");
  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_clear_object (&project);

  g_assert_cmpint (query_int (fixture->path, "PRAGMA user_version"), ==, (int) sp_schema_get_version ());
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM sqlite_master"
                                             " WHERE name = 'attribution_rejections'"), ==, 1);
}

/* View state kept in the file: stored, replaced, removed; a bad name or a
 * read-only project is refused and nothing changes. */
static void
test_properties (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SpProject) project = sp_project_create (fixture->path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_key = g_strnfill (129, 'k');
  g_autofree char *value = NULL;

  g_assert_nonnull (project);
  g_assert_null (sp_project_get_property (project, "side-by-side.left", &error));
  g_assert_no_error (error);

  g_assert_true (sp_project_set_property (project, "side-by-side.left", "2", &error));
  g_assert_true (sp_project_set_property (project, "side-by-side.left", "3", &error));
  g_assert_no_error (error);
  value = sp_project_get_property (project, "side-by-side.left", &error);
  g_assert_cmpstr (value, ==, "3");

  g_assert_false (sp_project_set_property (project, "", "x", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "1 to 128 characters"));
  g_clear_error (&error);
  g_assert_false (sp_project_set_property (project, long_key, "x", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM properties"), ==, 1);

  g_assert_true (sp_project_set_property (project, "side-by-side.left", NULL, &error));
  g_assert_null (sp_project_get_property (project, "side-by-side.left", &error));
  g_assert_no_error (error);
  g_assert_true (sp_project_set_property (project, "side-by-side.left", "4", &error));
  sp_project_close (project);
  g_clear_object (&project);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_false (sp_project_set_property (project, "side-by-side.left", "5", &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_clear_pointer (&value, g_free);
  value = sp_project_get_property (project, "side-by-side.left", &error);
  g_assert_cmpstr (value, ==, "4");
}

static void
test_header_still_in_wal (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *other = g_build_filename (fixture->dir, "other.sqlite", NULL);
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  sql = schema_sql (sp_schema_get_version ());
  crash_after_commit (fixture->path, sql);
  g_assert_cmpint (query_int (fixture->path, "PRAGMA application_id"), ==, 1398034516);

  /* Read-only first (as the command line reads while the app has it open),
   * then for writing: both see the project the log describes. */
  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_schema_version (project), ==, sp_schema_get_version ());
  g_clear_object (&project);

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sp_project_get_schema_version (project), ==, sp_schema_get_version ());
  add_sample (project, "After the crash", "0005");
  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_clear_object (&project);

  /* A foreign database with a pending log is still refused, untouched. */
  crash_after_commit (other, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');");
  assert_open_fails_untouched (other, SP_ERROR_NOT_PROJECT, "not a Standpoint project");
}

static void
test_documents_and_stakeholders (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(SpDocumentInfo) info = NULL;
  g_autoptr(SpDocumentContent) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SpSegmentInfo *turn;
  gint64 first, second;

  project = sp_project_create (fixture->path, &error);
  g_assert_no_error (error);

  first = add_sample (project, "Webinar one", "aaaa");
  other = make_content ("Webinar two", "Thomas Li", "June Park");
  second = sp_project_add_document (project, other, "two.txt", "bbbb", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second, >, first);

  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 2);
  info = sp_project_find_document (project, "Webinar two", &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->id, ==, second);
  g_assert_cmpuint (info->n_turns, ==, 2);
  g_assert_cmpint (info->kind, ==, SP_DOCUMENT_KIND_TRANSCRIPT);
  g_clear_pointer (&info, sp_document_info_free);
  info = sp_project_find_document (project, "two.txt", &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->id, ==, second);

  /* One stakeholder per distinct speaker, reused across documents. */
  stakeholders = sp_project_list_stakeholders (project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stakeholders->len, ==, 3);
  g_assert_cmpstr (((SpStakeholderInfo *) stakeholders->pdata[0])->name, ==, "June Park");
  g_assert_cmpstr (((SpStakeholderInfo *) stakeholders->pdata[2])->name, ==, "Thomas Li");
  g_assert_cmpuint (((SpStakeholderInfo *) stakeholders->pdata[2])->n_turns, ==, 2);
  g_assert_cmpuint (((SpStakeholderInfo *) stakeholders->pdata[2])->n_documents, ==, 2);

  text = sp_project_get_document_text (project, first, &error);
  g_assert_no_error (error);
  segments = sp_project_list_segments (project, first, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (segments->len, ==, 6);
  turn = g_ptr_array_index (segments, 1);
  g_assert_cmpint (turn->kind, ==, SP_SEGMENT_TURN);
  g_assert_cmpstr (turn->stakeholder, ==, "Thomas Li");
  g_assert_cmpint (turn->timestamp_ms, ==, 9000);
  {
    g_autofree char *turn_text = g_utf8_substring (text, turn->start, turn->end);
    g_assert_true (g_str_has_prefix (turn_text, "Thomas Li 00:09\n\nStandards bodies"));
    g_assert_true (g_str_has_suffix (turn_text, "is a contradiction."));
  }

  /* Full-text index over the blocks, with diacritics folded. */
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM segments_fts WHERE segments_fts MATCH '\"like minded\"'"),
                   ==, 2);

  g_assert_true (sp_project_delete_document (project, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->path, "SELECT count(*) FROM segments WHERE document_id = 1"), ==, 0);
  g_assert_cmpint (query_int (fixture->path,
                              "SELECT count(*) FROM segments_fts WHERE segments_fts MATCH '\"like minded\"'"),
                   ==, 1);
  g_assert_false (sp_project_delete_document (project, first, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_NOT_FOUND);
}

static void
test_add_is_all_or_nothing (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(SpDocumentContent) duplicate = NULL;
  g_autoptr(SpDocumentContent) broken = NULL;
  g_autoptr(SpDocumentContent) cancelled = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GError) error = NULL;

  project = sp_project_create (fixture->path, &error);
  g_assert_no_error (error);
  add_sample (project, "Original", "cafe");

  duplicate = make_content ("Copy", "Milton Mueller", "Andrea Renda");
  g_assert_cmpint (sp_project_add_document (project, duplicate, "copy.txt", "cafe", NULL, &error), ==, 0);
  g_assert_error (error, SP_ERROR, SP_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "already in this project as “Original”"));
  g_clear_error (&error);

  broken = make_content ("Broken", "Milton Mueller", "Andrea Renda");
  sp_document_content_add_segment (broken, SP_SEGMENT_PARAGRAPH, 10, broken->n_chars + 5);
  g_assert_cmpint (sp_project_add_document (project, broken, "broken.txt", "dead", NULL, &error), ==, 0);
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT);
  g_clear_error (&error);

  cancelled = make_content ("Cancelled", "Milton Mueller", "Andrea Renda");
  g_cancellable_cancel (cancellable);
  g_assert_cmpint (sp_project_add_document (project, cancelled, "c.txt", "beef", cancellable, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* None of the three left a trace, not even their new speakers. */
  documents = sp_project_list_documents (project, NULL);
  g_assert_cmpuint (documents->len, ==, 1);
  stakeholders = sp_project_list_stakeholders (project, NULL);
  g_assert_cmpuint (stakeholders->len, ==, 2);
}

static void
test_killed_while_storing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  pid_t pid;

  make_project_with_document (fixture->path);

  /* The child stores ever more documents; it is killed at some point in
   * the middle of one. Every document that is there must be whole. */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      SpProject *child = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, NULL);

      for (int i = 0; child != NULL; i++)
        {
          g_autoptr(SpDocumentContent) content = make_content ("Big", "Robin Mansell", "Claire Milne");
          g_autofree char *sha = g_strdup_printf ("big-%d", i);

          for (int j = 0; j < 2000; j++)
            {
              guint start = sp_document_content_append (content, "\n\nA paragraph about export control.", -1);
              sp_document_content_add_segment (content, SP_SEGMENT_PARAGRAPH, start + 2, content->n_chars);
            }
          sp_project_add_document (child, content, "big.txt", sha, NULL, NULL);
        }
      _exit (3);
    }

  g_usleep (300 * 1000);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  project = sp_project_open (fixture->path, SP_PROJECT_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  documents = sp_project_list_documents (project, &error);
  g_assert_no_error (error);
  g_test_message ("%u documents survived the kill", documents->len);
  for (guint i = 1; i < documents->len; i++)
    {
      SpDocumentInfo *info = g_ptr_array_index (documents, i);
      g_assert_cmpuint (info->n_segments, ==, 2006);
    }
}

static void
test_closed_project (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SpProject) project = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  project = sp_project_create (fixture->path, &error);
  g_assert_no_error (error);
  sp_project_close (project);
  sp_project_close (project);
  g_assert_false (sp_project_is_open (project));

  documents = sp_project_list_documents (project, &error);
  g_assert_null (documents);
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) \
  g_test_add ("/core/project/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("create-refuses-existing", test_create_refuses_existing);
  ADD ("open-missing", test_open_missing);
  ADD ("open-not-sqlite", test_open_not_sqlite);
  ADD ("open-other-sqlite", test_open_other_sqlite);
  ADD ("open-too-new", test_open_too_new);
  ADD ("open-damaged", test_open_damaged);
  ADD ("open-truncated", test_open_truncated);
  ADD ("open-read-only-file", test_open_read_only_file);
  ADD ("open-read-only-folder", test_open_read_only_folder);
  ADD ("open-locked-by-standpoint", test_open_locked_by_standpoint);
  ADD ("open-locked-by-other-writer", test_open_locked_by_other_writer);
  ADD ("open-twice-in-process", test_open_twice_in_process);
  ADD ("old-schema-is-migrated", test_old_schema_is_migrated);
  ADD ("upgrade-from-version-1", test_upgrade_from_version_1);
  ADD ("properties", test_properties);
  ADD ("header-still-in-wal", test_header_still_in_wal);
  ADD ("documents-and-stakeholders", test_documents_and_stakeholders);
  ADD ("add-is-all-or-nothing", test_add_is_all_or_nothing);
  ADD ("killed-while-storing", test_killed_while_storing);
  ADD ("closed-project", test_closed_project);

#undef ADD

  return g_test_run ();
}
