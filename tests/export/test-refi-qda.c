/* test-refi-qda.c: the REFI-QDA export validates against the published
 * schemas, survives a round trip through a new project, and the import
 * refuses crafted archives (zip-slip, absolute paths, links, XXE, zip
 * bombs, dangling references) without changing the project.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>

#include "export-test-fixture.h"
#include "sp-error.h"
#include "sp-export.h"
#include "sp-project-stakeholders.h"
#include "sp-project-themes.h"
#include "sp-refi-qda-read.h"
#include "test-helpers.h"

/* Helpers */

static char *
export_to_file (ExportFixture  *fixture,
                SpExportFormat  format,
                const char     *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->dir, name, NULL);

  sp_export_to_path (fixture->project, format, path, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* Every entry of a zip, name → contents. */
static GHashTable *
read_zip (const char *path)
{
  GHashTable *entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;

  archive_read_support_format_zip (archive);
  g_assert_cmpint (archive_read_open_filename (archive, path, 16384), ==, ARCHIVE_OK);
  while (archive_read_next_header (archive, &entry) == ARCHIVE_OK)
    {
      la_int64_t size = archive_entry_size (entry);
      char *data = g_malloc0 (size + 1);

      g_assert_cmpint (archive_read_data (archive, data, size), ==, size);
      g_hash_table_insert (entries, g_strdup (archive_entry_pathname (entry)), data);
    }
  archive_read_free (archive);
  return entries;
}

static void
assert_schema_valid (const char *path,
                     const char *schema)
{
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "data", "refi-qda", schema, NULL);
  const char *argv[] = { "xmllint", "--noout", "--schema", xsd, path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s:\n%s", path, schema, err);
  g_assert_nonnull (strstr (err, "validates"));
}

/* Export */

static void
test_qdc_schema (ExportFixture *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = export_to_file (fixture, SP_EXPORT_QDC, "codebook.qdc");
  g_autofree char *xml = NULL;

  assert_schema_valid (path, "Codebook.xsd");
  g_file_get_contents (path, &xml, NULL, NULL);
  g_assert_nonnull (strstr (xml, "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\""));
  g_assert_nonnull (strstr (xml, "name=\"Values\" isCodable=\"true\" color=\"#aa3300\">"));
  g_assert_nonnull (strstr (xml, "<Description>Values in standards-setting</Description>"));
  /* Trust sits inside Values. */
  g_assert_true (strstr (xml, "name=\"Trust\"") > strstr (xml, "name=\"Values\""));
  g_assert_true (strstr (xml, "name=\"Trust\"") < strstr (xml, "</Code>\n </Codes>"));
}

static void
test_qdpx_schema (ExportFixture *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = export_to_file (fixture, SP_EXPORT_QDPX, "project.qdpx");
  g_autofree char *again = export_to_file (fixture, SP_EXPORT_QDPX, "again.qdpx");
  g_autofree char *qde_path = g_build_filename (fixture->dir, "project.qde", NULL);
  g_autoptr(GHashTable) entries = read_zip (path);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL, *second = NULL;
  gsize first_len, second_len;
  const char *qde = g_hash_table_lookup (entries, "project.qde");

  g_assert_nonnull (qde);
  g_file_set_contents (qde_path, qde, -1, &error);
  g_assert_no_error (error);
  assert_schema_valid (qde_path, "Project.xsd");

  /* Escaped where it lands: the memo's markup is text, not elements. */
  g_assert_nonnull (strstr (qde, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"));
  g_assert_null (strstr (qde, "<script>"));
  g_assert_nonnull (strstr (qde, "<Description>Standpoint stance: supports</Description>"));
  g_assert_nonnull (strstr (qde, "<Case guid="));
  g_assert_nonnull (strstr (qde, "name=\"Standpoint statement: Values\">"));
  g_assert_nonnull (strstr (qde, "<TextValue>London School of Economics</TextValue>"));
  g_assert_nonnull (strstr (qde, "<PlainTextContent>Standards should carry democratic values &amp; &lt;rights&gt;</PlainTextContent>"));

  /* Each document is a source file holding its text, named by its GUID. */
  documents = sp_project_list_documents (fixture->project, &error);
  g_assert_cmpuint (g_hash_table_size (entries), ==, 1 + documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);
      g_autofree char *text = sp_project_get_document_text (fixture->project, document->id, &error);
      GHashTableIter iter;
      gpointer name, contents;
      gboolean found = FALSE;

      g_hash_table_iter_init (&iter, entries);
      while (g_hash_table_iter_next (&iter, &name, &contents))
        if (g_str_has_prefix (name, "sources/") && g_str_equal (contents, text))
          {
            g_autofree char *guid = g_strndup ((char *) name + strlen ("sources/"), 36);
            g_autofree char *reference = g_strdup_printf ("plainTextPath=\"internal://%s.txt\"", guid);

            g_assert_nonnull (strstr (qde, reference));
            found = TRUE;
          }
      g_assert_true (found);
    }

  /* Stable GUIDs (and no timestamps in the zip): byte-identical exports. */
  g_file_get_contents (path, &first, &first_len, NULL);
  g_file_get_contents (again, &second, &second_len, NULL);
  g_assert_cmpmem (first, first_len, second, second_len);
}

static void
test_control_characters (ExportFixture *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *qde_path = g_build_filename (fixture->dir, "project.qde", NULL);
  g_autoptr(GHashTable) entries = NULL;
  const char *qde;

  /* XML 1.0 cannot carry a form feed even as &#12;: it becomes a space;
   * nor U+FFFE or U+FFFF: they become U+FFFD. */
  sp_project_update_annotation (fixture->project, fixture->annotation_c, &fixture->values_id, 1,
                                0, SP_STANCE_OPPOSES, "form\ffeed\001 \357\277\277\357\277\276 end", &error);
  g_assert_no_error (error);
  path = export_to_file (fixture, SP_EXPORT_QDPX, "project.qdpx");
  entries = read_zip (path);
  qde = g_hash_table_lookup (entries, "project.qde");
  g_assert_nonnull (strstr (qde, "<PlainTextContent>form feed  \357\277\275\357\277\275 end</PlainTextContent>"));
  g_file_set_contents (qde_path, qde, -1, &error);
  g_assert_no_error (error);
  assert_schema_valid (qde_path, "Project.xsd");
}

/* Round trip */

static char *
describe_themes (SpProject *project,
                 gboolean   with_statements)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) themes = sp_project_list_themes (project, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (themes, i);
      g_autoptr(SpThemeInfo) parent = theme->parent_id != 0 ? sp_project_get_theme (project, theme->parent_id, NULL) : NULL;

      g_string_append_printf (out, "%s|%s|%s|%s|%s\n", theme->name, theme->color, theme->description,
                              parent != NULL ? parent->name : "-", with_statements ? theme->statement : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_annotations (SpProject *project)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) annotations = sp_project_list_annotations (project, NULL, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (annotations, i);
      g_autofree char *themes = g_strjoinv (",", info->theme_names);

      g_string_append_printf (out, "%s|%lld|%lld|%s|%s|%s|%s|%s\n", info->document_title,
                              (long long) info->start, (long long) info->end, info->quote, themes,
                              info->stakeholder != NULL ? info->stakeholder : "-",
                              sp_stance_to_string (info->stance), info->memo);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_round_trip (ExportFixture *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = export_to_file (fixture, SP_EXPORT_QDPX, "project.qdpx");
  g_autoptr(SpProject) copy = sp_test_project_new (fixture->dir, "Copy.standpoint", FALSE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  g_autofree char *themes = NULL, *copied_themes = NULL;
  g_autofree char *annotations = NULL, *copied_annotations = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(SpStakeholderInfo) robin = NULL;

  g_assert_true (sp_import_refi_qda (copy, file, NULL, &error));
  g_assert_no_error (error);

  /* Documents: same titles, same text, same order. */
  documents = sp_project_list_documents (fixture->project, &error);
  copied = sp_project_list_documents (copy, &error);
  g_assert_cmpuint (copied->len, ==, documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *a = g_ptr_array_index (documents, i);
      SpDocumentInfo *b = g_ptr_array_index (copied, i);
      g_autofree char *text_a = sp_project_get_document_text (fixture->project, a->id, NULL);
      g_autofree char *text_b = sp_project_get_document_text (copy, b->id, NULL);

      g_assert_cmpstr (b->title, ==, a->title);
      g_assert_cmpstr (text_b, ==, text_a);
    }

  themes = describe_themes (fixture->project, TRUE);
  copied_themes = describe_themes (copy, TRUE);
  g_assert_cmpstr (copied_themes, ==, themes);
  g_assert_nonnull (strstr (copied_themes, "Values|#aa3300|Values in standards-setting|-|" STATEMENT_VALUES "\n"));
  g_assert_nonnull (strstr (copied_themes, "Trust|#0055ff|Who trusts whom|Values|\n"));

  annotations = describe_annotations (fixture->project);
  copied_annotations = describe_annotations (copy);
  g_assert_cmpstr (copied_annotations, ==, annotations);
  g_assert_nonnull (strstr (copied_annotations, QUOTE_A "|Trust,Values|Robin Mansell|supports|" MEMO_A "\n"));
  g_assert_nonnull (strstr (copied_annotations, QUOTE_C "|Values|Milton Mueller|opposes|\n"));

  stakeholders = sp_project_list_stakeholders (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stakeholders->len, ==, 8);  /* every case of the sample */
  robin = sp_project_find_stakeholder (copy, "Robin Mansell", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (robin->organisation, ==, "London School of Economics");
  g_assert_cmpstr (robin->role, ==, "Chair");
  g_assert_cmpstr (robin->sector, ==, "academia");
  g_assert_cmpstr (robin->region, ==, "Europe");
  g_assert_cmpstr (robin->notes, ==, "Chairs the webinar <and> asks the questions");
}

static void
test_codebook_import (ExportFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = export_to_file (fixture, SP_EXPORT_QDC, "codebook.qdc");
  g_autoptr(SpProject) copy = sp_test_project_new (fixture->dir, "Copy.standpoint", FALSE, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  /* A codebook carries no notes, so no statements. */
  g_autofree char *themes = describe_themes (fixture->project, FALSE);
  g_autofree char *copied_themes = NULL;

  g_assert_true (sp_import_refi_qda (copy, file, NULL, &error));
  g_assert_no_error (error);
  copied_themes = describe_themes (copy, FALSE);
  g_assert_cmpstr (copied_themes, ==, themes);
  g_assert_cmpint (sp_test_query_int (copy, "SELECT count(*) FROM documents"), ==, 0);
}

/* Refused input */

#define CODE_GUID      "11111111-1111-4111-8111-111111111111"
#define SOURCE_GUID    "22222222-2222-4222-8222-222222222222"
#define SELECTION_GUID "33333333-3333-4333-8333-333333333333"
#define SOURCE_ENTRY   "sources/" SOURCE_GUID ".txt"
#define SOURCE_TEXT    "Hello crafted world."

typedef struct
{
  const char *name;
  const char *contents;
  const char *symlink;   /* link target: a symbolic link entry */
} Entry;

static char *
crafted_qde (const char *doctype,
             const char *start,
             const char *end,
             const char *code_guid)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n%s"
                          "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Crafted\">"
                          "<CodeBook><Codes><Code guid=\"" CODE_GUID "\" name=\"Crafted code\" isCodable=\"true\" color=\"#F0A\"/></Codes></CodeBook>"
                          "<Sources><TextSource guid=\"" SOURCE_GUID "\" name=\"Crafted source\""
                          " plainTextPath=\"internal://" SOURCE_GUID ".txt\">"
                          "<PlainTextSelection guid=\"" SELECTION_GUID "\" startPosition=\"%s\" endPosition=\"%s\">"
                          "<Coding guid=\"44444444-4444-4444-8444-444444444444\"><CodeRef targetGUID=\"%s\"/></Coding>"
                          "</PlainTextSelection></TextSource></Sources></Project>\n",
                          doctype, start, end, code_guid);
}

static char *
write_zip (const char  *dir,
           const Entry *entries,
           guint        n_entries)
{
  char *path = g_build_filename (dir, "crafted.qdpx", NULL);
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  g_assert_cmpint (archive_write_open_filename (archive, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize len = entries[i].contents != NULL ? strlen (entries[i].contents) : 0;

      archive_entry_set_pathname (entry, entries[i].name);
      if (entries[i].symlink != NULL)
        {
          archive_entry_set_filetype (entry, AE_IFLNK);
          archive_entry_set_symlink (entry, entries[i].symlink);
          archive_entry_set_size (entry, 0);
        }
      else
        {
          archive_entry_set_filetype (entry, AE_IFREG);
          archive_entry_set_size (entry, (la_int64_t) len);
        }
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (archive, entry), ==, ARCHIVE_OK);
      if (len > 0)
        g_assert_cmpint (archive_write_data (archive, entries[i].contents, len), ==, (la_ssize_t) len);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (archive), ==, ARCHIVE_OK);
  archive_write_free (archive);
  return path;
}

/* Imports @entries into the fixture's project, expects it refused with a
 * message containing @message_part, and the project unchanged. */
static void
assert_refused (ExportFixture *fixture,
                const Entry   *entries,
                guint          n_entries,
                const char    *message_part)
{
  g_autofree char *before = project_fingerprint (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *path = write_zip (fixture->dir, entries, n_entries);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (sp_import_refi_qda (fixture->project, file, NULL, &error));
  g_assert_nonnull (error);
  if (strstr (error->message, message_part) == NULL)
    g_error ("expected “%s” in “%s”", message_part, error->message);

  after = project_fingerprint (fixture->project);
  g_assert_cmpstr (after, ==, before);
}

static void
test_crafted_valid (ExportFixture *fixture,
                    gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };
  g_autofree char *path = write_zip (fixture->dir, entries, G_N_ELEMENTS (entries));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) copy = sp_test_project_new (fixture->dir, "Copy.standpoint", FALSE, NULL);
  g_autofree char *annotations = NULL;
  g_autoptr(SpThemeInfo) theme = NULL;

  /* The template the refusals below spoil is itself fine. */
  g_assert_true (sp_import_refi_qda (copy, file, NULL, &error));
  g_assert_no_error (error);
  annotations = describe_annotations (copy);
  g_assert_cmpstr (annotations, ==, "Crafted source|6|13|crafted|Crafted code|-||\n");
  /* The short colour form the schema allows is stored in full. */
  theme = sp_project_find_theme (copy, "Crafted code", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (theme->color, ==, "#ff00aa");
}

/* Names from another tool with a line break or a tab (as character
 * references, which XML keeps in an attribute) come in on one line. */
static void
test_crafted_multiline_names (ExportFixture *fixture,
                              gconstpointer  data)
{
  g_autofree char *crafted = crafted_qde ("", "6", "13", CODE_GUID);
  g_autoptr(GString) qde = g_string_new (crafted);
  const Entry entries[2] = { { "project.qde", NULL }, { SOURCE_ENTRY, SOURCE_TEXT } };
  Entry with_names[2];
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpProject) copy = sp_test_project_new (fixture->dir, "Copy.standpoint", FALSE, NULL);
  g_autofree char *annotations = NULL;

  g_assert_cmpuint (g_string_replace (qde, "name=\"Crafted code\"", "name=\"Crafted&#10;code\"", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (qde, "name=\"Crafted source\"", "name=\"Crafted&#13;&#10;source&#9;\"", 1), ==, 1);
  memcpy (with_names, entries, sizeof entries);
  with_names[0].contents = qde->str;
  path = write_zip (fixture->dir, with_names, G_N_ELEMENTS (with_names));
  file = g_file_new_for_path (path);

  g_assert_true (sp_import_refi_qda (copy, file, NULL, &error));
  g_assert_no_error (error);
  annotations = describe_annotations (copy);
  g_assert_cmpstr (annotations, ==, "Crafted  source|6|13|crafted|Crafted code|-||\n");
}

static void
test_refuse_zip_slip (ExportFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT }, { "../escape.txt", "x" } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“../escape.txt” points outside the archive");
}

static void
test_refuse_absolute (ExportFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  const Entry entries[] = { { "/tmp/standpoint-absolute.txt", "x" }, { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“/tmp/standpoint-absolute.txt” has an absolute path");
}

static void
test_refuse_symlink (ExportFixture *fixture,
                     gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, NULL, "/etc/passwd" } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“" SOURCE_ENTRY "” is a symbolic link");
}

static void
test_refuse_xxe (ExportFixture *fixture,
                 gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("<!DOCTYPE Project [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n",
                                      "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“project.qde” declares entities or an external DTD");
}

static void
test_refuse_external_dtd (ExportFixture *fixture,
                          gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("<!DOCTYPE Project SYSTEM \"http://evil.example/x.dtd\">\n",
                                      "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "declares entities or an external DTD");
}

static void
test_refuse_dangling_code (ExportFixture *fixture,
                           gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", "99999999-9999-4999-8999-999999999999");
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries),
                  "selection " SELECTION_GUID " refers to the code 99999999-9999-4999-8999-999999999999");
}

static void
test_refuse_out_of_range (ExportFixture *fixture,
                          gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "21", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries),
                  "selection " SELECTION_GUID " (6–21) is outside the text of its source " SOURCE_GUID);
}

static void
test_refuse_missing_source (ExportFixture *fixture,
                            gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“" SOURCE_ENTRY "”, which is missing from the archive");
}

/* An empty source file is an empty text, not a missing one (this read
 * past a NULL and crashed): here its selection falls outside it. */
static void
test_refuse_empty_source (ExportFixture *fixture,
                          gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, "" } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries),
                  "selection " SELECTION_GUID " (6–13) is outside the text of its source " SOURCE_GUID);
}

/* Which of two entries of the same name (or names that differ only in
 * case, as zip tools on Windows and macOS see them) holds the text would
 * be left to chance. */
static void
test_refuse_duplicate_entries (ExportFixture *fixture,
                               gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  g_autofree char *upper = g_ascii_strup (SOURCE_ENTRY, -1);
  const Entry twice[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT }, { SOURCE_ENTRY, "Completely other" } };
  const Entry cased[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT }, { upper, "Completely other" } };
  const Entry two_projects[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT }, { "Project.qde", qde } };

  assert_refused (fixture, twice, G_N_ELEMENTS (twice), "The archive holds “" SOURCE_ENTRY "” twice");
  assert_refused (fixture, cased, G_N_ELEMENTS (cased), "twice (or twice with different case)");
  assert_refused (fixture, two_projects, G_N_ELEMENTS (two_projects), "The archive holds “Project.qde” twice");
}

static void
test_refuse_empty_project (ExportFixture *fixture,
                           gconstpointer  data)
{
  const Entry entries[] = { { "project.qde", "" }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“project.qde” is empty");
}

static void
test_refuse_while_storing (ExportFixture *fixture,
                           gconstpointer  data)
{
  /* Only the space between two words: nothing to tag, which only
   * sp_project_annotate() finds out, after the code and the source were
   * stored. Both must be gone again. */
  g_autofree char *qde = crafted_qde ("", "5", "6", CODE_GUID);
  const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "Could not store the selection " SELECTION_GUID);
  g_assert_cmpint (sp_test_query_int (fixture->project, "SELECT count(*) FROM themes WHERE name = 'Crafted code'"), ==, 0);
}

static void
test_refuse_broken_xml (ExportFixture *fixture,
                        gconstpointer  data)
{
  const Entry entries[] = { { "project.qde", "<Project xmlns=\"urn:QDA-XML:project:1.0\"><Sources>" },
                            { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“project.qde” is not well-formed XML");
}

static void
test_refuse_no_project_qde (ExportFixture *fixture,
                            gconstpointer  data)
{
  const Entry entries[] = { { SOURCE_ENTRY, SOURCE_TEXT } };

  assert_refused (fixture, entries, G_N_ELEMENTS (entries), "“crafted.qdpx” has no project.qde");
}

static void
test_refuse_codebook_xxe (ExportFixture *fixture,
                          gconstpointer  data)
{
  g_autofree char *before = project_fingerprint (fixture->project);
  g_autofree char *after = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "evil.qdc", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  /* A bare codebook (not a zip) goes through the same XML checks. */
  g_file_set_contents (path,
                       "<?xml version=\"1.0\"?>\n"
                       "<!DOCTYPE CodeBook [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                       "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                       "<Code guid=\"" CODE_GUID "\" name=\"x\" isCodable=\"true\"><Description>&e;</Description></Code>"
                       "</Codes></CodeBook>\n", -1, &error);
  g_assert_no_error (error);
  g_assert_false (sp_import_refi_qda (fixture->project, file, NULL, &error));
  g_assert_error (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT);
  g_assert_nonnull (strstr (error->message, "“evil.qdc” declares entities or an external DTD"));
  after = project_fingerprint (fixture->project);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refuse_zip_bomb (ExportFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *qde = crafted_qde ("", "6", "13", CODE_GUID);
  g_autofree char *zeros = g_malloc (2 * 1024 * 1024 + 1);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SpRefiProject) refi = NULL;
  g_autoptr(GFileInfo) info = NULL;

  memset (zeros, '0', 2 * 1024 * 1024);
  zeros[2 * 1024 * 1024] = '\0';
  {
    const Entry entries[] = { { "project.qde", qde }, { SOURCE_ENTRY, SOURCE_TEXT }, { "sources/bomb.txt", zeros } };
    path = write_zip (fixture->dir, entries, G_N_ELEMENTS (entries));
  }
  file = g_file_new_for_path (path);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
  /* Small on disk, large unpacked; the cap is lowered to 1 MiB here so the
   * test need not unpack the real 512 MiB. */
  g_assert_cmpint (g_file_info_get_size (info), <, 64 * 1024);
  refi = sp_refi_project_read (file, 1024 * 1024, NULL, &error);
  g_assert_null (refi);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "unpacks to more than 1048576 bytes (at entry “sources/bomb.txt”)"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  EXPORT_TEST_ADD ("/RefiQda/export/qdc-schema", test_qdc_schema);
  EXPORT_TEST_ADD ("/RefiQda/export/qdpx-schema", test_qdpx_schema);
  EXPORT_TEST_ADD ("/RefiQda/export/control-characters", test_control_characters);
  EXPORT_TEST_ADD ("/RefiQda/import/round-trip", test_round_trip);
  EXPORT_TEST_ADD ("/RefiQda/import/codebook", test_codebook_import);
  EXPORT_TEST_ADD ("/RefiQda/import/crafted-valid", test_crafted_valid);
  EXPORT_TEST_ADD ("/RefiQda/import/multiline-names", test_crafted_multiline_names);
  EXPORT_TEST_ADD ("/RefiQda/refused/zip-slip", test_refuse_zip_slip);
  EXPORT_TEST_ADD ("/RefiQda/refused/absolute-path", test_refuse_absolute);
  EXPORT_TEST_ADD ("/RefiQda/refused/symlink", test_refuse_symlink);
  EXPORT_TEST_ADD ("/RefiQda/refused/xxe", test_refuse_xxe);
  EXPORT_TEST_ADD ("/RefiQda/refused/external-dtd", test_refuse_external_dtd);
  EXPORT_TEST_ADD ("/RefiQda/refused/dangling-code", test_refuse_dangling_code);
  EXPORT_TEST_ADD ("/RefiQda/refused/selection-out-of-range", test_refuse_out_of_range);
  EXPORT_TEST_ADD ("/RefiQda/refused/missing-source", test_refuse_missing_source);
  EXPORT_TEST_ADD ("/RefiQda/refused/empty-source", test_refuse_empty_source);
  EXPORT_TEST_ADD ("/RefiQda/refused/duplicate-entries", test_refuse_duplicate_entries);
  EXPORT_TEST_ADD ("/RefiQda/refused/empty-project", test_refuse_empty_project);
  EXPORT_TEST_ADD ("/RefiQda/refused/broken-xml", test_refuse_broken_xml);
  EXPORT_TEST_ADD ("/RefiQda/refused/no-project-qde", test_refuse_no_project_qde);
  EXPORT_TEST_ADD ("/RefiQda/refused/codebook-xxe", test_refuse_codebook_xxe);
  EXPORT_TEST_ADD ("/RefiQda/refused/zip-bomb", test_refuse_zip_bomb);
  EXPORT_TEST_ADD ("/RefiQda/refused/while-storing", test_refuse_while_storing);

  return g_test_run ();
}
