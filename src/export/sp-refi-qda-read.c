/* sp-refi-qda-read.c: a REFI-QDA file into memory, checked.
 *
 * Nothing is ever extracted to disk: entries are read into memory, and the
 * ones that would escape a target folder (absolute paths, "..", links) are
 * refused all the same, as a sign of a crafted archive. XML is parsed
 * without network access and without substituting entities or loading
 * DTDs, and a document that declares entities or an external DTD is
 * refused (XXE, "billion laughs").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "sp-error.h"
#include "sp-refi-qda-private.h"
#include "sp-refi-qda-read.h"

/* What the reader collects before it can resolve references. */
typedef struct
{
  SpRefiProject *project;
  GHashTable    *entries;         /* lower-case entry name → GBytes */
  GHashTable    *code_by_guid;    /* guid → index + 1 */
  GHashTable    *note_by_guid;    /* guid → text (owned by notes) */
  GHashTable    *statement_notes; /* guids of "Standpoint statement" notes */
  GHashTable    *selection_by_guid;
  GHashTable    *guids;           /* every guid seen, to refuse duplicates */
  GPtrArray     *notes;           /* char * */
  guint64        max_bytes;
} Reader;

static void
code_free (SpRefiCode *code)
{
  g_free (code->guid);
  g_free (code->name);
  g_free (code->color);
  g_free (code->description);
  g_free (code->statement);
  g_free (code);
}

static void
case_free (SpRefiCase *item)
{
  g_free (item->guid);
  g_free (item->name);
  g_free (item->description);
  for (guint v = 0; v < SP_REFI_N_CASE_VARIABLES; v++)
    g_free (item->variables[v]);
  g_free (item);
}

static void
source_free (SpRefiSource *source)
{
  g_free (source->guid);
  g_free (source->name);
  g_free (source->text);
  g_free (source);
}

static void
selection_free (SpRefiSelection *selection)
{
  g_free (selection->guid);
  g_clear_pointer (&selection->codes, g_array_unref);
  g_free (selection->memo);
  g_free (selection);
}

void
sp_refi_project_free (SpRefiProject *project)
{
  if (project == NULL)
    return;
  g_ptr_array_unref (project->codes);
  g_ptr_array_unref (project->cases);
  g_ptr_array_unref (project->sources);
  g_ptr_array_unref (project->selections);
  g_free (project);
}

static gboolean
fail (GError    **error,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (GError    **error,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, SP_ERROR, SP_ERROR_INVALID_DOCUMENT, message);
  return FALSE;
}

/* Archive entries */

static gboolean
check_entry_is_safe (struct archive_entry  *entry,
                     const char            *name,
                     GError               **error)
{
  g_auto(GStrv) parts = NULL;
  int type = archive_entry_filetype (entry);

  if (name == NULL || *name == '\0')
    return fail (error, _("The archive has an entry without a name"));

  if (name[0] == '/' || name[0] == '\\' ||
      (g_ascii_isalpha (name[0]) && name[1] == ':'))
    return fail (error, _("The archive entry “%s” has an absolute path; refusing to import it"), name);

  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_equal (parts[i], ".."))
      return fail (error, _("The archive entry “%s” points outside the archive; refusing to import it"), name);

  if (type == AE_IFLNK || archive_entry_symlink (entry) != NULL)
    return fail (error, _("The archive entry “%s” is a symbolic link; refusing to import it"), name);
  if (archive_entry_hardlink (entry) != NULL)
    return fail (error, _("The archive entry “%s” is a hard link; refusing to import it"), name);
  if (type != AE_IFREG && type != AE_IFDIR && type != 0)
    return fail (error, _("The archive entry “%s” is not a plain file; refusing to import it"), name);

  return TRUE;
}

static gboolean
read_archive (Reader        *reader,
              GBytes        *bytes,
              GCancellable  *cancellable,
              GError       **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  guint64 total = 0;
  guint n_entries = 0;
  gboolean ok = TRUE;
  int rc;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) != ARCHIVE_OK)
    {
      fail (error, _("The file is not a readable zip archive: %s"), archive_error_string (archive));
      archive_read_free (archive);
      return FALSE;
    }

  while (ok && (rc = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      g_autoptr(GByteArray) data = NULL;
      g_autofree char *folded = NULL;
      char chunk[64 * 1024];
      la_ssize_t n;

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (++n_entries > SP_REFI_MAX_ENTRIES)
        {
          ok = fail (error, _("The archive has more than %u entries; refusing to import it"),
                     (guint) SP_REFI_MAX_ENTRIES);
          break;
        }
      if (!check_entry_is_safe (entry, name, error) ||
          g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (archive_entry_filetype (entry) == AE_IFDIR)
        continue;

      /* Counted as read, not as declared: a zip bomb lies in its header. */
      data = g_byte_array_new ();
      while ((n = archive_read_data (archive, chunk, sizeof chunk)) > 0)
        {
          total += (guint64) n;
          if (total > reader->max_bytes)
            {
              ok = fail (error, _("The archive unpacks to more than %llu bytes (at entry “%s”); refusing to import it"),
                         (unsigned long long) reader->max_bytes, name);
              break;
            }
          g_byte_array_append (data, (const guint8 *) chunk, (guint) n);
        }
      if (ok && n < 0)
        ok = fail (error, _("Could not read the archive entry “%s”: %s"), name, archive_error_string (archive));
      /* Names are looked up without case, as zip tools on Windows and
       * macOS treat them: two entries that differ only in case, or one
       * repeated, would leave which text is meant to chance. */
      if (ok && g_hash_table_contains (reader->entries, (folded = g_utf8_strdown (name, -1))))
        ok = fail (error, _("The archive holds “%s” twice (or twice with different case); refusing to import it"),
                   name);
      if (ok)
        g_hash_table_insert (reader->entries, g_steal_pointer (&folded),
                             g_byte_array_free_to_bytes (g_steal_pointer (&data)));
    }
  if (ok && rc != ARCHIVE_EOF)
    ok = fail (error, _("The zip archive is damaged: %s"), archive_error_string (archive));

  archive_read_free (archive);
  return ok;
}

/* XML */

static xmlDocPtr
parse_xml (GBytes      *bytes,
           const char  *name,
           GError     **error)
{
  xmlDocPtr doc;
  xmlDtdPtr dtd;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len > G_MAXINT)
    {
      fail (error, _("“%s” is too large"), name);
      return NULL;
    }
  if (len == 0)  /* libxml2 gives no reason for this one */
    {
      fail (error, _("“%s” is empty"), name);
      return NULL;
    }

  /* No XML_PARSE_NOENT (entities stay unexpanded), no XML_PARSE_DTDLOAD
   * (no external DTD is fetched), and no network at all. */
  doc = xmlReadMemory (data, (int) len, name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      const xmlError *xml_error = xmlGetLastError ();
      g_autofree char *reason = g_strdup (xml_error != NULL && xml_error->message != NULL ? xml_error->message : "");

      fail (error, _("“%s” is not well-formed XML: %s"), name, g_strstrip (reason));
      return NULL;
    }

  dtd = xmlGetIntSubset (doc);
  if (doc->extSubset != NULL ||
      (dtd != NULL && (dtd->entities != NULL || dtd->pentities != NULL ||
                       dtd->ExternalID != NULL || dtd->SystemID != NULL)))
    {
      fail (error, _("“%s” declares entities or an external DTD, which REFI-QDA files never need; refusing to import it"),
            name);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

static gboolean
is_element (xmlNodePtr  node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

static xmlNodePtr
first_child (xmlNodePtr  node,
             const char *name)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (is_element (child, name))
      return child;
  return NULL;
}

static char *
get_attribute (xmlNodePtr  node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = value != NULL ? g_strdup ((const char *) value) : NULL;

  xmlFree (value);
  return copy;
}

/* A code's, case's or source's name, on one line: Standpoint's names are
 * (a theme's must be), and listings and briefs give each one a line. A
 * line break or tab from another tool becomes a space. */
static char *
get_name (xmlNodePtr node)
{
  char *name = get_attribute (node, "name");

  for (char *p = name; p != NULL && *p != '\0'; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  return name;
}

static char *
get_child_text (xmlNodePtr  node,
                const char *name)
{
  xmlNodePtr child = first_child (node, name);
  xmlChar *value;
  char *copy;

  if (child == NULL)
    return NULL;
  value = xmlNodeGetContent (child);
  copy = g_strdup (value != NULL ? (const char *) value : "");
  xmlFree (value);
  return copy;
}

/* The GUID of @node's @attribute, lower case and without braces; fails
 * (naming @what) when it is missing or not a GUID. */
static char *
get_guid (xmlNodePtr   node,
          const char  *attribute,
          GError     **error)
{
  g_autofree char *value = get_attribute (node, attribute);
  g_autofree char *bare = NULL;
  gsize len;

  if (value == NULL)
    {
      fail (error, _("A <%s> element (line %ld) has no %s"), (const char *) node->name,
            (long) xmlGetLineNo (node), attribute);
      return NULL;
    }

  bare = g_strdup (value);
  len = strlen (bare);
  if (len == 38 && bare[0] == '{' && bare[37] == '}')
    {
      memmove (bare, bare + 1, 36);
      bare[36] = '\0';
    }
  if (!g_uuid_string_is_valid (bare))
    {
      fail (error, _("The %s “%s” of a <%s> element (line %ld) is not a GUID"), attribute, value,
            (const char *) node->name, (long) xmlGetLineNo (node));
      return NULL;
    }
  return g_ascii_strdown (bare, -1);
}

static gboolean
claim_guid (Reader      *reader,
            const char  *guid,
            GError     **error)
{
  if (!g_hash_table_add (reader->guids, g_strdup (guid)))
    return fail (error, _("The GUID %s is used by two different items"), guid);
  return TRUE;
}

/* The text behind a plainTextPath, or a node's PlainTextContent. */
static char *
read_text (Reader      *reader,
           xmlNodePtr   node,
           const char  *guid,
           GError     **error)
{
  g_autofree char *path = get_attribute (node, "plainTextPath");
  g_autofree char *content = get_child_text (node, "PlainTextContent");
  const char *data;
  gsize len;

  if (path == NULL)
    {
      if (content == NULL)
        fail (error, _("The source %s has neither a plainTextPath nor a PlainTextContent"), guid);
      return g_steal_pointer (&content);
    }

  if (g_ascii_strncasecmp (path, "internal://", strlen ("internal://")) == 0)
    {
      const char *file = path + strlen ("internal://");
      g_autofree char *entry_name = g_utf8_strdown (file, -1);
      g_autofree char *in_sources = g_strconcat ("sources/", entry_name, NULL);
      GBytes *bytes;

      if (strchr (file, '/') != NULL || strchr (file, '\\') != NULL || strstr (file, "..") != NULL)
        {
          fail (error, _("The source %s names the file “%s”, which is not in the archive's sources folder"),
                guid, path);
          return NULL;
        }
      bytes = g_hash_table_lookup (reader->entries, in_sources);
      if (bytes == NULL)
        {
          fail (error, _("The source %s refers to “sources/%s”, which is missing from the archive"), guid, file);
          return NULL;
        }
      data = g_bytes_get_data (bytes, &len);
      if (len == 0)  /* an empty file: GBytes may hold no data at all */
        return g_strdup ("");
      if (!g_utf8_validate_len (data, len, NULL))
        {
          fail (error, _("The archive entry “sources/%s” is not UTF-8 text (or contains a NUL)"), file);
          return NULL;
        }
      return g_strndup (data, len);
    }

  fail (error, _("The source %s lives outside the archive (“%s”); only internal:// sources can be imported"),
        guid, path);
  return NULL;
}

/* "#rrggbb" from the "#RRGGBB" or "#RGB" the schema allows; NULL (the
 * project's default colour) for anything else. Takes @color. */
static char *
normalise_color (char *color)
{
  g_autofree char *owned = color;
  gsize len = color != NULL ? strlen (color) : 0;

  if (len < 4 || color[0] != '#')
    return NULL;
  for (gsize i = 1; i < len; i++)
    if (!g_ascii_isxdigit (color[i]))
      return NULL;
  if (len == 4)
    return g_ascii_strdown ((char []) { '#', color[1], color[1], color[2], color[2], color[3], color[3], '\0' }, -1);
  if (len == 7)
    return g_ascii_strdown (color, -1);
  return NULL;
}

static gboolean
read_codes (Reader      *reader,
            xmlNodePtr   parent_node,
            int          parent,
            GError     **error)
{
  for (xmlNodePtr node = parent_node->children; node != NULL; node = node->next)
    {
      SpRefiCode *code;
      int index;

      if (!is_element (node, "Code"))
        continue;

      code = g_new0 (SpRefiCode, 1);
      code->parent = parent;
      g_ptr_array_add (reader->project->codes, code);
      index = (int) reader->project->codes->len - 1;

      code->guid = get_guid (node, "guid", error);
      if (code->guid == NULL || !claim_guid (reader, code->guid, error))
        return FALSE;
      code->name = get_name (node);
      if (code->name == NULL || *g_strstrip (code->name) == '\0')
        return fail (error, _("The code %s has no name"), code->guid);
      code->color = normalise_color (get_attribute (node, "color"));
      code->description = get_child_text (node, "Description");
      g_hash_table_insert (reader->code_by_guid, code->guid, GINT_TO_POINTER (index + 1));

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *target = NULL;

          if (!is_element (child, "NoteRef"))
            continue;
          target = get_guid (child, "targetGUID", error);
          if (target == NULL)
            return FALSE;
          if (!g_hash_table_contains (reader->note_by_guid, target))
            return fail (error, _("The code %s refers to the note %s, which is not in the project"),
                         code->guid, target);
          if (g_hash_table_contains (reader->statement_notes, target))
            {
              g_free (code->statement);
              code->statement = g_strdup (g_hash_table_lookup (reader->note_by_guid, target));
            }
        }

      if (!read_codes (reader, node, index, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_notes (Reader      *reader,
            xmlNodePtr   root,
            GError     **error)
{
  xmlNodePtr notes = first_child (root, "Notes");

  for (xmlNodePtr node = notes != NULL ? notes->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;
      char *text;

      if (!is_element (node, "Note"))
        continue;
      guid = get_guid (node, "guid", error);
      if (guid == NULL || !claim_guid (reader, guid, error))
        return FALSE;
      name = get_attribute (node, "name");
      if (name != NULL && g_str_has_prefix (name, SP_REFI_STATEMENT_NOTE))
        g_hash_table_add (reader->statement_notes, g_strdup (guid));
      text = read_text (reader, node, guid, error);
      if (text == NULL)
        return FALSE;
      g_ptr_array_add (reader->notes, text);
      g_hash_table_insert (reader->note_by_guid, g_steal_pointer (&guid), text);
    }
  return TRUE;
}

static gboolean
read_selection (Reader      *reader,
                xmlNodePtr   node,
                int          source_index,
                GError     **error)
{
  SpRefiSource *source = g_ptr_array_index (reader->project->sources, source_index);
  SpRefiSelection *selection = g_new0 (SpRefiSelection, 1);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GString) memo = g_string_new (NULL);

  selection->source = source_index;
  selection->stakeholder = -1;
  selection->codes = g_array_new (FALSE, FALSE, sizeof (int));
  g_ptr_array_add (reader->project->selections, selection);

  selection->guid = get_guid (node, "guid", error);
  if (selection->guid == NULL || !claim_guid (reader, selection->guid, error))
    return FALSE;

  start = get_attribute (node, "startPosition");
  end = get_attribute (node, "endPosition");
  if (start == NULL || end == NULL ||
      !g_ascii_string_to_signed (start, 10, 0, G_MAXINT64, &selection->start, NULL) ||
      !g_ascii_string_to_signed (end, 10, 0, G_MAXINT64, &selection->end, NULL) ||
      selection->start >= selection->end || selection->end > source->n_chars)
    return fail (error, _("The selection %s (%s–%s) is outside the text of its source %s, which has %lld characters"),
                 selection->guid, start != NULL ? start : "?", end != NULL ? end : "?",
                 source->guid, (long long) source->n_chars);

  description = get_child_text (node, "Description");
  if (description != NULL && g_str_has_prefix (g_strstrip (description), SP_REFI_STANCE_LINE) &&
      !sp_stance_from_string (description + strlen (SP_REFI_STANCE_LINE), &selection->stance))
    return fail (error, _("The selection %s has an unknown stance “%s”"), selection->guid,
                 description + strlen (SP_REFI_STANCE_LINE));

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *target = NULL;

      if (is_element (child, "Coding"))
        {
          xmlNodePtr code_ref = first_child (child, "CodeRef");
          gpointer index;
          int code;

          if (code_ref == NULL)
            return fail (error, _("A coding of the selection %s has no CodeRef"), selection->guid);
          target = get_guid (code_ref, "targetGUID", error);
          if (target == NULL)
            return FALSE;
          index = g_hash_table_lookup (reader->code_by_guid, target);
          if (index == NULL)
            return fail (error, _("A coding of the selection %s refers to the code %s, which is not in the codebook"),
                         selection->guid, target);
          code = GPOINTER_TO_INT (index) - 1;
          g_array_append_val (selection->codes, code);
        }
      else if (is_element (child, "NoteRef"))
        {
          const char *text;

          target = get_guid (child, "targetGUID", error);
          if (target == NULL)
            return FALSE;
          text = g_hash_table_lookup (reader->note_by_guid, target);
          if (text == NULL)
            return fail (error, _("The selection %s refers to the note %s, which is not in the project"),
                         selection->guid, target);
          if (memo->len > 0)
            g_string_append (memo, "\n\n");
          g_string_append (memo, text);
        }
    }

  selection->memo = g_string_free (g_steal_pointer (&memo), FALSE);
  g_hash_table_insert (reader->selection_by_guid, selection->guid,
                       GINT_TO_POINTER (reader->project->selections->len));
  return TRUE;
}

static gboolean
read_sources (Reader        *reader,
              xmlNodePtr     root,
              GCancellable  *cancellable,
              GError       **error)
{
  xmlNodePtr sources = first_child (root, "Sources");

  for (xmlNodePtr node = sources != NULL ? sources->children : NULL; node != NULL; node = node->next)
    {
      SpRefiSource *source;
      int index;

      /* Pictures, PDFs, audio and video have no text Standpoint can show. */
      if (!is_element (node, "TextSource"))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      source = g_new0 (SpRefiSource, 1);
      g_ptr_array_add (reader->project->sources, source);
      index = (int) reader->project->sources->len - 1;

      source->guid = get_guid (node, "guid", error);
      if (source->guid == NULL || !claim_guid (reader, source->guid, error))
        return FALSE;
      source->name = get_name (node);
      if (source->name == NULL || *g_strstrip (source->name) == '\0')
        {
          g_free (source->name);
          source->name = g_strdup (source->guid);
        }
      source->text = read_text (reader, node, source->guid, error);
      if (source->text == NULL)
        return FALSE;
      source->n_chars = g_utf8_strlen (source->text, -1);

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        if (is_element (child, "PlainTextSelection") &&
            !read_selection (reader, child, index, error))
          return FALSE;
    }
  return TRUE;
}

/* Which of sp_refi_case_variables each Variable's GUID stands for
 * (other variables map to -1 and are ignored). */
static gboolean
read_variables (xmlNodePtr   root,
                GHashTable  *variable_by_guid,
                GError     **error)
{
  xmlNodePtr variables = first_child (root, "Variables");

  for (xmlNodePtr node = variables != NULL ? variables->children : NULL; node != NULL; node = node->next)
    {
      g_autofree char *guid = NULL;
      g_autofree char *name = NULL;
      int index = -1;

      if (!is_element (node, "Variable"))
        continue;
      guid = get_guid (node, "guid", error);
      if (guid == NULL)
        return FALSE;
      name = get_attribute (node, "name");
      for (int v = 0; name != NULL && v < SP_REFI_N_CASE_VARIABLES; v++)
        if (g_ascii_strcasecmp (name, sp_refi_case_variables[v]) == 0)
          index = v;
      g_hash_table_insert (variable_by_guid, g_steal_pointer (&guid), GINT_TO_POINTER (index));
    }
  return TRUE;
}

static gboolean
read_case_variables (SpRefiCase   *item,
                     xmlNodePtr    node,
                     GHashTable   *variable_by_guid,
                     GError      **error)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      xmlNodePtr ref = is_element (child, "VariableValue") ? first_child (child, "VariableRef") : NULL;
      g_autofree char *target = NULL;
      gpointer index;

      if (ref == NULL)
        continue;
      target = get_guid (ref, "targetGUID", error);
      if (target == NULL)
        return FALSE;
      if (!g_hash_table_lookup_extended (variable_by_guid, target, NULL, &index))
        return fail (error, _("The case %s refers to the variable %s, which is not in the project"),
                     item->guid, target);
      if (GPOINTER_TO_INT (index) >= 0)
        {
          g_free (item->variables[GPOINTER_TO_INT (index)]);
          item->variables[GPOINTER_TO_INT (index)] = get_child_text (child, "TextValue");
        }
    }
  return TRUE;
}

static gboolean
read_cases (Reader      *reader,
            xmlNodePtr   root,
            GError     **error)
{
  xmlNodePtr cases = first_child (root, "Cases");
  g_autoptr(GHashTable) variable_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!read_variables (root, variable_by_guid, error))
    return FALSE;

  for (xmlNodePtr node = cases != NULL ? cases->children : NULL; node != NULL; node = node->next)
    {
      SpRefiCase *item;
      int index;

      if (!is_element (node, "Case"))
        continue;

      item = g_new0 (SpRefiCase, 1);
      g_ptr_array_add (reader->project->cases, item);
      index = (int) reader->project->cases->len - 1;

      item->guid = get_guid (node, "guid", error);
      if (item->guid == NULL || !claim_guid (reader, item->guid, error))
        return FALSE;
      item->name = get_name (node);
      if (item->name == NULL || *g_strstrip (item->name) == '\0')
        return fail (error, _("The case %s has no name"), item->guid);
      item->description = get_child_text (node, "Description");
      if (!read_case_variables (item, node, variable_by_guid, error))
        return FALSE;

      for (xmlNodePtr child = node->children; child != NULL; child = child->next)
        {
          g_autofree char *target = NULL;
          gpointer selection_index;
          SpRefiSelection *selection;

          if (!is_element (child, "SelectionRef"))
            continue;
          target = get_guid (child, "targetGUID", error);
          if (target == NULL)
            return FALSE;
          selection_index = g_hash_table_lookup (reader->selection_by_guid, target);
          if (selection_index == NULL)
            return fail (error, _("The case %s refers to the selection %s, which is not in the project"),
                         item->guid, target);
          selection = g_ptr_array_index (reader->project->selections, GPOINTER_TO_INT (selection_index) - 1);
          selection->stakeholder = index;
        }
    }
  return TRUE;
}

static gboolean
read_document (Reader        *reader,
               GBytes        *bytes,
               const char    *name,
               GCancellable  *cancellable,
               GError       **error)
{
  xmlDocPtr doc = parse_xml (bytes, name, error);
  xmlNodePtr root;
  xmlNodePtr codes = NULL;
  gboolean ok;

  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  if (root != NULL && is_element (root, "Project"))
    {
      xmlNodePtr codebook = first_child (root, "CodeBook");

      codes = codebook != NULL ? first_child (codebook, "Codes") : NULL;
    }
  else if (root != NULL && is_element (root, "CodeBook"))
    codes = first_child (root, "Codes");
  else
    {
      xmlFreeDoc (doc);
      return fail (error, _("“%s” is neither a REFI-QDA project nor a codebook"), name);
    }

  /* Notes first: codes and selections refer to them. */
  ok = (!is_element (root, "Project") || read_notes (reader, root, error)) &&
       (codes == NULL || read_codes (reader, codes, -1, error)) &&
       (!is_element (root, "Project") ||
        (read_sources (reader, root, cancellable, error) &&
         read_cases (reader, root, error)));
  xmlFreeDoc (doc);
  return ok;
}

SpRefiProject *
sp_refi_project_read (GFile         *file,
                      guint64        max_bytes,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SpRefiProject) project = g_new0 (SpRefiProject, 1);
  g_autofree char *basename = g_file_get_basename (file);
  Reader reader = { NULL, };
  const char *data;
  gsize len;
  gboolean ok;

  project->codes = g_ptr_array_new_with_free_func ((GDestroyNotify) code_free);
  project->cases = g_ptr_array_new_with_free_func ((GDestroyNotify) case_free);
  project->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  project->selections = g_ptr_array_new_with_free_func ((GDestroyNotify) selection_free);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if ((guint64) g_file_info_get_size (info) > max_bytes)
    {
      fail (error, _("“%s” is larger than %llu bytes; refusing to import it"), basename,
            (unsigned long long) max_bytes);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, error);
  if (bytes == NULL)
    return NULL;

  reader.project = project;
  reader.max_bytes = max_bytes;
  reader.entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  reader.code_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  reader.note_by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.statement_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.selection_by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  reader.guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.notes = g_ptr_array_new_with_free_func (g_free);

  data = g_bytes_get_data (bytes, &len);
  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      GBytes *qde;

      ok = read_archive (&reader, bytes, cancellable, error);
      if (ok)
        {
          qde = g_hash_table_lookup (reader.entries, "project.qde");
          ok = qde != NULL ? read_document (&reader, qde, "project.qde", cancellable, error)
                           : fail (error, _("“%s” has no project.qde: it is not a REFI-QDA project"), basename);
        }
    }
  else
    ok = read_document (&reader, bytes, basename, cancellable, error);

  g_hash_table_unref (reader.entries);
  g_hash_table_unref (reader.code_by_guid);
  g_hash_table_unref (reader.note_by_guid);
  g_hash_table_unref (reader.statement_notes);
  g_hash_table_unref (reader.selection_by_guid);
  g_hash_table_unref (reader.guids);
  g_ptr_array_unref (reader.notes);

  return ok ? g_steal_pointer (&project) : NULL;
}
