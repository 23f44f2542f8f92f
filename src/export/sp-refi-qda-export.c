/* sp-refi-qda-export.c: the codebook as .qdc and the project as .qdpx
 * (see sp-refi-qda-private.h for how Standpoint maps onto REFI-QDA).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "sp-annotations.h"
#include "sp-error.h"
#include "sp-export.h"
#include "sp-export-private.h"
#include "sp-project-themes.h"
#include "sp-refi-qda-private.h"

const char * const sp_refi_case_variables[SP_REFI_N_CASE_VARIABLES] = {
  "Organisation", "Role", "Sector", "Region",
};

/* The stakeholder fields named by sp_refi_case_variables, in that order. */
static char *
stakeholder_field (SpStakeholderInfo *stakeholder,
                   guint              variable)
{
  char *fields[SP_REFI_N_CASE_VARIABLES] = {
    stakeholder->organisation, stakeholder->role, stakeholder->sector, stakeholder->region,
  };

  return fields[variable];
}

/* Everything one export reads from the project, read once. */
typedef struct
{
  SpExportIds *ids;
  GPtrArray   *themes;
  GPtrArray   *documents;
  GPtrArray   *stakeholders;
  GPtrArray   *annotations;
  GPtrArray   *authors;  /* distinct non-empty author names, sorted */
} RefiData;

static void
refi_data_clear (RefiData *data)
{
  g_clear_pointer (&data->ids, _sp_export_ids_free);
  g_clear_pointer (&data->themes, g_ptr_array_unref);
  g_clear_pointer (&data->documents, g_ptr_array_unref);
  g_clear_pointer (&data->stakeholders, g_ptr_array_unref);
  g_clear_pointer (&data->annotations, g_ptr_array_unref);
  g_clear_pointer (&data->authors, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RefiData, refi_data_clear)

static gboolean
refi_data_load (RefiData   *data,
                SpProject  *project,
                gboolean    codebook_only,
                GError    **error)
{
  g_autoptr(GHashTable) seen = NULL;

  data->ids = _sp_export_ids_new (project, error);
  if (data->ids == NULL)
    return FALSE;
  data->themes = sp_project_list_themes (project, error);
  if (data->themes == NULL)
    return FALSE;
  for (guint i = 0; i < data->themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (data->themes, i);

      _sp_export_xml_scrub (theme->name);
      _sp_export_xml_scrub (theme->description);
      _sp_export_xml_scrub (theme->statement);
    }
  if (codebook_only)
    return TRUE;

  data->documents = sp_project_list_documents (project, error);
  data->stakeholders = data->documents != NULL ? sp_project_list_stakeholders (project, error) : NULL;
  data->annotations = data->stakeholders != NULL ? sp_project_list_annotations (project, NULL, error) : NULL;
  if (data->annotations == NULL)
    return FALSE;

  /* The lists are this export's own copies: scrubbing them for XML
   * changes nothing in the project. Source texts go to .txt files as is. */
  for (guint i = 0; i < data->documents->len; i++)
    _sp_export_xml_scrub (((SpDocumentInfo *) g_ptr_array_index (data->documents, i))->title);
  for (guint i = 0; i < data->stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = g_ptr_array_index (data->stakeholders, i);

      _sp_export_xml_scrub (stakeholder->name);
      _sp_export_xml_scrub (stakeholder->notes);
      for (guint v = 0; v < SP_REFI_N_CASE_VARIABLES; v++)
        _sp_export_xml_scrub (stakeholder_field (stakeholder, v));
    }
  for (guint i = 0; i < data->annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (data->annotations, i);

      _sp_export_xml_scrub (info->quote);
      _sp_export_xml_scrub (info->memo);
      _sp_export_xml_scrub (info->author);
    }

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  data->authors = g_ptr_array_new ();
  for (guint i = 0; i < data->annotations->len; i++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (data->annotations, i);

      if (info->author != NULL && *info->author != '\0' && g_hash_table_add (seen, info->author))
        g_ptr_array_add (data->authors, info->author);
    }
  return TRUE;
}

static void
write_guid_attribute (xmlTextWriterPtr  writer,
                      const char       *attribute,
                      SpExportIds      *ids,
                      const char       *kind,
                      gint64            id)
{
  g_autofree char *guid = _sp_export_ids_guid (ids, kind, id);

  xmlTextWriterWriteAttribute (writer, BAD_CAST attribute, BAD_CAST guid);
}

static void
write_ref (xmlTextWriterPtr  writer,
           const char       *element,
           SpExportIds      *ids,
           const char       *kind,
           gint64            id)
{
  xmlTextWriterStartElement (writer, BAD_CAST element);
  write_guid_attribute (writer, "targetGUID", ids, kind, id);
  xmlTextWriterEndElement (writer);
}

static gint64
author_key (RefiData   *data,
            const char *author)
{
  for (guint i = 0; i < data->authors->len; i++)
    if (g_str_equal (g_ptr_array_index (data->authors, i), author))
      return i + 1;
  return 0;
}

/* Writes the themes as nested Codes: the list is depth first, so a theme
 * closes every open Code deeper than or as deep as itself. */
static void
write_codes (xmlTextWriterPtr  writer,
             RefiData         *data,
             gboolean          with_notes)
{
  guint open = 0;

  xmlTextWriterStartElement (writer, BAD_CAST "Codes");
  for (guint i = 0; i < data->themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (data->themes, i);

      for (; open > theme->depth; open--)
        xmlTextWriterEndElement (writer);

      xmlTextWriterStartElement (writer, BAD_CAST "Code");
      write_guid_attribute (writer, "guid", data->ids, "theme", theme->id);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST theme->name);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "isCodable", BAD_CAST "true");
      if (theme->color != NULL && *theme->color != '\0')
        xmlTextWriterWriteAttribute (writer, BAD_CAST "color", BAD_CAST theme->color);
      if (theme->description != NULL && *theme->description != '\0')
        xmlTextWriterWriteElement (writer, BAD_CAST "Description", BAD_CAST theme->description);
      /* A codebook (.qdc) has no notes to refer to. */
      if (with_notes && theme->statement != NULL && *theme->statement != '\0')
        write_ref (writer, "NoteRef", data->ids, "statement", theme->id);
      open++;
    }
  for (; open > 0; open--)
    xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

static void
write_users (xmlTextWriterPtr  writer,
             RefiData         *data)
{
  if (data->authors->len == 0)
    return;

  xmlTextWriterStartElement (writer, BAD_CAST "Users");
  for (guint i = 0; i < data->authors->len; i++)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "User");
      write_guid_attribute (writer, "guid", data->ids, "user", i + 1);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", g_ptr_array_index (data->authors, i));
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_variables (xmlTextWriterPtr  writer,
                 RefiData         *data)
{
  if (data->stakeholders->len == 0)
    return;

  xmlTextWriterStartElement (writer, BAD_CAST "Variables");
  for (guint v = 0; v < SP_REFI_N_CASE_VARIABLES; v++)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "Variable");
      write_guid_attribute (writer, "guid", data->ids, "variable", v + 1);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST sp_refi_case_variables[v]);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "typeOfVariable", BAD_CAST "Text");
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_cases (xmlTextWriterPtr  writer,
             RefiData         *data)
{
  if (data->stakeholders->len == 0)
    return;

  xmlTextWriterStartElement (writer, BAD_CAST "Cases");
  for (guint i = 0; i < data->stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = g_ptr_array_index (data->stakeholders, i);

      xmlTextWriterStartElement (writer, BAD_CAST "Case");
      write_guid_attribute (writer, "guid", data->ids, "stakeholder", stakeholder->id);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST stakeholder->name);
      if (stakeholder->notes != NULL && *stakeholder->notes != '\0')
        xmlTextWriterWriteElement (writer, BAD_CAST "Description", BAD_CAST stakeholder->notes);
      for (guint v = 0; v < SP_REFI_N_CASE_VARIABLES; v++)
        {
          const char *value = stakeholder_field (stakeholder, v);

          if (value == NULL || *value == '\0')
            continue;
          xmlTextWriterStartElement (writer, BAD_CAST "VariableValue");
          write_ref (writer, "VariableRef", data->ids, "variable", v + 1);
          xmlTextWriterWriteElement (writer, BAD_CAST "TextValue", BAD_CAST value);
          xmlTextWriterEndElement (writer);
        }
      for (guint a = 0; a < data->annotations->len; a++)
        {
          SpAnnotationInfo *info = g_ptr_array_index (data->annotations, a);

          if (info->stakeholder_id == stakeholder->id)
            write_ref (writer, "SelectionRef", data->ids, "annotation", info->id);
        }
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_selection (xmlTextWriterPtr  writer,
                 RefiData         *data,
                 SpAnnotationInfo *info)
{
  gint64 author = info->author != NULL ? author_key (data, info->author) : 0;

  xmlTextWriterStartElement (writer, BAD_CAST "PlainTextSelection");
  write_guid_attribute (writer, "guid", data->ids, "annotation", info->id);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST info->quote);
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "startPosition", "%lld", (long long) info->start);
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "endPosition", "%lld", (long long) info->end);
  if (author > 0)
    write_guid_attribute (writer, "creatingUser", data->ids, "user", author);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST info->created_at);
  if (info->updated_at != NULL)
    xmlTextWriterWriteAttribute (writer, BAD_CAST "modifiedDateTime", BAD_CAST info->updated_at);

  if (info->stance != SP_STANCE_NONE)
    xmlTextWriterWriteFormatElement (writer, BAD_CAST "Description", "%s%s",
                                     SP_REFI_STANCE_LINE, sp_stance_to_string (info->stance));

  for (guint t = 0; t < info->theme_ids->len; t++)
    {
      gint64 theme_id = g_array_index (info->theme_ids, gint64, t);
      g_autofree char *kind = g_strdup_printf ("coding/%lld", (long long) info->id);

      xmlTextWriterStartElement (writer, BAD_CAST "Coding");
      write_guid_attribute (writer, "guid", data->ids, kind, theme_id);
      if (author > 0)
        write_guid_attribute (writer, "creatingUser", data->ids, "user", author);
      write_ref (writer, "CodeRef", data->ids, "theme", theme_id);
      xmlTextWriterEndElement (writer);
    }

  if (info->memo != NULL && *info->memo != '\0')
    write_ref (writer, "NoteRef", data->ids, "memo", info->id);
  xmlTextWriterEndElement (writer);
}

static void
write_sources (xmlTextWriterPtr  writer,
               RefiData         *data)
{
  if (data->documents->len == 0)
    return;

  xmlTextWriterStartElement (writer, BAD_CAST "Sources");
  for (guint i = 0; i < data->documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (data->documents, i);
      g_autofree char *guid = _sp_export_ids_guid (data->ids, "document", document->id);
      g_autofree char *path = g_strdup_printf ("internal://%s.txt", guid);

      xmlTextWriterStartElement (writer, BAD_CAST "TextSource");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "guid", BAD_CAST guid);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST document->title);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "plainTextPath", BAD_CAST path);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "creationDateTime", BAD_CAST document->imported_at);
      for (guint a = 0; a < data->annotations->len; a++)
        {
          SpAnnotationInfo *info = g_ptr_array_index (data->annotations, a);

          if (info->document_id == document->id)
            write_selection (writer, data, info);
        }
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterEndElement (writer);
}

static void
write_notes (xmlTextWriterPtr  writer,
             RefiData         *data)
{
  gboolean started = FALSE;

  for (guint i = 0; i < data->themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (data->themes, i);

      if (theme->statement == NULL || *theme->statement == '\0')
        continue;
      if (!started)
        xmlTextWriterStartElement (writer, BAD_CAST "Notes");
      started = TRUE;

      xmlTextWriterStartElement (writer, BAD_CAST "Note");
      write_guid_attribute (writer, "guid", data->ids, "statement", theme->id);
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "name", "%s%s", SP_REFI_STATEMENT_NOTE, theme->name);
      xmlTextWriterWriteElement (writer, BAD_CAST "PlainTextContent", BAD_CAST theme->statement);
      xmlTextWriterEndElement (writer);
    }

  for (guint a = 0; a < data->annotations->len; a++)
    {
      SpAnnotationInfo *info = g_ptr_array_index (data->annotations, a);

      if (info->memo == NULL || *info->memo == '\0')
        continue;
      if (!started)
        xmlTextWriterStartElement (writer, BAD_CAST "Notes");
      started = TRUE;

      xmlTextWriterStartElement (writer, BAD_CAST "Note");
      write_guid_attribute (writer, "guid", data->ids, "memo", info->id);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST info->quote);
      xmlTextWriterWriteElement (writer, BAD_CAST "PlainTextContent", BAD_CAST info->memo);
      xmlTextWriterEndElement (writer);
    }
  if (started)
    xmlTextWriterEndElement (writer);
}

static xmlTextWriterPtr
start_document (xmlBufferPtr  buffer,
                const char   *root,
                const char   *namespace)
{
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST root);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST namespace);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "origin", BAD_CAST SP_REFI_ORIGIN);
  return writer;
}

gboolean
sp_export_qdc (SpProject      *project,
               GOutputStream  *stream,
               GCancellable   *cancellable,
               GError        **error)
{
  g_auto(RefiData) data = { NULL, };
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!refi_data_load (&data, project, TRUE, error))
    return FALSE;
  if (data.themes->len == 0)
    {
      /* Codebook.xsd needs at least one Code. */
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("The codebook is empty: add a theme before exporting it"));
      return FALSE;
    }

  buffer = xmlBufferCreate ();
  writer = start_document (buffer, "CodeBook", SP_REFI_CODEBOOK_NS);
  write_codes (writer, &data, FALSE);
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  ok = g_output_stream_write_all (stream, xmlBufferContent (buffer), xmlBufferLength (buffer),
                                  NULL, cancellable, error);
  xmlBufferFree (buffer);
  return ok;
}

static GBytes *
build_project_qde (SpProject *project,
                   RefiData  *data)
{
  g_autofree char *title = sp_project_dup_title (project);
  xmlBufferPtr buffer = xmlBufferCreate ();
  xmlTextWriterPtr writer;
  GBytes *bytes;

  writer = start_document (buffer, "Project", SP_REFI_PROJECT_NS);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "name", BAD_CAST title);
  write_users (writer, data);
  if (data->themes->len > 0)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "CodeBook");
      write_codes (writer, data, TRUE);
      xmlTextWriterEndElement (writer);
    }
  write_variables (writer, data);
  write_cases (writer, data);
  write_sources (writer, data);
  write_notes (writer, data);
  xmlTextWriterEndDocument (writer);
  xmlFreeTextWriter (writer);

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);
  return bytes;
}

/* libarchive writes through these into the export's GOutputStream. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} ArchiveSink;

static la_ssize_t
archive_sink_write_cb (struct archive *archive,
                       void           *user_data,
                       const void     *buffer,
                       size_t          length)
{
  ArchiveSink *sink = user_data;

  if (sink->error != NULL ||
      !g_output_stream_write_all (sink->stream, buffer, length, NULL, sink->cancellable, &sink->error))
    {
      archive_set_error (archive, EIO, "%s", sink->error != NULL ? sink->error->message : "write failed");
      return -1;
    }
  return (la_ssize_t) length;
}

static gboolean
add_entry (struct archive  *archive,
           const char      *name,
           GBytes          *contents,
           ArchiveSink     *sink,
           GError         **error)
{
  struct archive_entry *entry = archive_entry_new ();
  gsize size;
  const void *bytes = g_bytes_get_data (contents, &size);
  gboolean ok;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_size (entry, (la_int64_t) size);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, 0, 0);  /* the same project gives the same zip */

  ok = archive_write_header (archive, entry) == ARCHIVE_OK &&
       (size == 0 || archive_write_data (archive, bytes, size) == (la_ssize_t) size);
  archive_entry_free (entry);

  if (!ok)
    {
      if (sink->error != NULL)
        g_propagate_error (error, g_steal_pointer (&sink->error));
      else
        g_set_error (error, SP_ERROR, SP_ERROR_IO, _("Could not add “%s” to the archive: %s"),
                     name, archive_error_string (archive));
    }
  return ok;
}

gboolean
sp_export_qdpx (SpProject      *project,
                GOutputStream  *stream,
                GCancellable   *cancellable,
                GError        **error)
{
  g_auto(RefiData) data = { NULL, };
  g_autoptr(GBytes) qde = NULL;
  ArchiveSink sink = { stream, cancellable, NULL };
  struct archive *archive;
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!refi_data_load (&data, project, FALSE, error))
    return FALSE;

  qde = build_project_qde (project, &data);

  archive = archive_write_new ();
  archive_write_set_format_zip (archive);
  archive_write_open (archive, &sink, NULL, archive_sink_write_cb, NULL);

  ok = add_entry (archive, "project.qde", qde, &sink, error);
  for (guint i = 0; ok && i < data.documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (data.documents, i);
      g_autofree char *guid = _sp_export_ids_guid (data.ids, "document", document->id);
      g_autofree char *name = g_strdup_printf ("sources/%s.txt", guid);
      g_autofree char *text = sp_project_get_document_text (project, document->id, error);
      g_autoptr(GBytes) contents = NULL;
      gsize len;

      if (text == NULL)
        {
          ok = FALSE;
          break;
        }
      len = strlen (text);
      contents = g_bytes_new_take (g_steal_pointer (&text), len);
      ok = add_entry (archive, name, contents, &sink, error);
    }

  if (ok && archive_write_close (archive) != ARCHIVE_OK)
    {
      ok = FALSE;
      if (sink.error != NULL)
        g_propagate_error (error, g_steal_pointer (&sink.error));
      else
        g_set_error (error, SP_ERROR, SP_ERROR_IO, _("Could not finish the archive: %s"),
                     archive_error_string (archive));
    }
  archive_write_free (archive);
  g_clear_error (&sink.error);
  return ok;
}
