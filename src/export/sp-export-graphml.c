/* sp-export-graphml.c: networks for Gephi or visone, as GraphML.
 *
 * Stakeholder–theme network: an undirected bipartite graph, nodes
 * "s<id>" (type "stakeholder") and "t<id>" (type "theme", with its colour),
 * an edge for each stakeholder and theme with passages, weighted by the
 * number of passages, with a count per stance and net_stance = supports −
 * opposes.
 * Agreement network: stakeholders only, an edge for each pair that agrees
 * or conflicts on some theme, with agree and conflict counts, the themes'
 * names, weight = agree + conflict and net = agree − conflict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <libxml/xmlwriter.h>

#include "sp-compare.h"
#include "sp-export.h"
#include "sp-export-private.h"

#define GRAPHML_NS "http://graphml.graphdrawing.org/xmlns"

typedef struct
{
  const char *id;
  const char *domain;  /* "node" or "edge" */
  const char *type;    /* "string", "int" */
} GraphKey;

static const GraphKey theme_network_keys[] = {
  { "label", "node", "string" },
  { "type", "node", "string" },
  { "color", "node", "string" },
  { "weight", "edge", "int" },
  { "supports", "edge", "int" },
  { "opposes", "edge", "int" },
  { "mixed", "edge", "int" },
  { "neutral", "edge", "int" },
  { "unclear", "edge", "int" },
  { "net_stance", "edge", "int" },
};

static const GraphKey agreement_network_keys[] = {
  { "label", "node", "string" },
  { "type", "node", "string" },
  { "weight", "edge", "int" },
  { "agree", "edge", "int" },
  { "conflict", "edge", "int" },
  { "net", "edge", "int" },
  { "agree_themes", "edge", "string" },
  { "conflict_themes", "edge", "string" },
};

static xmlTextWriterPtr
start_graph (xmlBufferPtr    buffer,
             const GraphKey *keys,
             guint           n_keys)
{
  xmlTextWriterPtr writer = xmlNewTextWriterMemory (buffer, 0);

  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (writer, BAD_CAST "graphml");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST GRAPHML_NS);
  for (guint i = 0; i < n_keys; i++)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "key");
      xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST keys[i].id);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "for", BAD_CAST keys[i].domain);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "attr.name", BAD_CAST keys[i].id);
      xmlTextWriterWriteAttribute (writer, BAD_CAST "attr.type", BAD_CAST keys[i].type);
      xmlTextWriterEndElement (writer);
    }
  xmlTextWriterStartElement (writer, BAD_CAST "graph");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "id", BAD_CAST "G");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "edgedefault", BAD_CAST "undirected");
  return writer;
}

static gboolean
finish_graph (xmlTextWriterPtr  writer,
              xmlBufferPtr      buffer,
              GOutputStream    *stream,
              GCancellable     *cancellable,
              GError          **error)
{
  gboolean ok;

  xmlTextWriterEndDocument (writer);  /* closes graph and graphml */
  xmlFreeTextWriter (writer);
  ok = g_output_stream_write_all (stream, xmlBufferContent (buffer), xmlBufferLength (buffer),
                                  NULL, cancellable, error);
  xmlBufferFree (buffer);
  return ok;
}

static void
write_data (xmlTextWriterPtr  writer,
            const char       *key,
            const char       *value)
{
  xmlTextWriterStartElement (writer, BAD_CAST "data");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "key", BAD_CAST key);
  xmlTextWriterWriteString (writer, BAD_CAST value);
  xmlTextWriterEndElement (writer);
}

static void
write_int_data (xmlTextWriterPtr  writer,
                const char       *key,
                gint64            value)
{
  g_autofree char *text = g_strdup_printf ("%lld", (long long) value);

  write_data (writer, key, text);
}

static void
write_node (xmlTextWriterPtr  writer,
            char              prefix,
            gint64            id,
            const char       *type,
            const char       *label,
            const char       *color)
{
  g_autofree char *scrubbed = _sp_export_xml_scrub (g_strdup (label));

  xmlTextWriterStartElement (writer, BAD_CAST "node");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "id", "%c%lld", prefix, (long long) id);
  write_data (writer, "label", scrubbed);
  write_data (writer, "type", type);
  if (color != NULL)
    write_data (writer, "color", color);
  xmlTextWriterEndElement (writer);
}

static void
start_edge (xmlTextWriterPtr  writer,
            char              source_prefix,
            gint64            source,
            char              target_prefix,
            gint64            target)
{
  xmlTextWriterStartElement (writer, BAD_CAST "edge");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "source", "%c%lld", source_prefix, (long long) source);
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "target", "%c%lld", target_prefix, (long long) target);
}

static void
write_stakeholder_nodes (xmlTextWriterPtr  writer,
                         GPtrArray        *stakeholders)
{
  for (guint i = 0; i < stakeholders->len; i++)
    {
      SpStakeholderInfo *stakeholder = g_ptr_array_index (stakeholders, i);

      write_node (writer, 's', stakeholder->id, "stakeholder", stakeholder->name, NULL);
    }
}

gboolean
sp_export_graphml_themes (SpProject      *project,
                          GOutputStream  *stream,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(SpMatrix) matrix = NULL;
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  matrix = sp_project_compute_matrix (project, NULL, error);
  if (matrix == NULL)
    return FALSE;

  buffer = xmlBufferCreate ();
  writer = start_graph (buffer, theme_network_keys, G_N_ELEMENTS (theme_network_keys));
  write_stakeholder_nodes (writer, matrix->stakeholders);
  for (guint i = 0; i < matrix->themes->len; i++)
    {
      SpThemeInfo *theme = g_ptr_array_index (matrix->themes, i);

      write_node (writer, 't', theme->id, "theme", theme->name, theme->color);
    }

  for (guint row = 0; row < matrix->stakeholders->len; row++)
    for (guint column = 0; column < matrix->themes->len; column++)
      {
        SpStakeholderInfo *stakeholder = g_ptr_array_index (matrix->stakeholders, row);
        SpThemeInfo *theme = g_ptr_array_index (matrix->themes, column);
        SpMatrixCell *cell = sp_matrix_get_cell (matrix, row, column);

        if (cell->n_passages == 0)
          continue;

        start_edge (writer, 's', stakeholder->id, 't', theme->id);
        write_int_data (writer, "weight", cell->n_passages);
        for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
          write_int_data (writer, sp_stance_to_string (stance), cell->n_by_stance[stance]);
        write_int_data (writer, "net_stance",
                        (gint64) cell->n_by_stance[SP_STANCE_SUPPORTS] - cell->n_by_stance[SP_STANCE_OPPOSES]);
        xmlTextWriterEndElement (writer);
      }

  return finish_graph (writer, buffer, stream, cancellable, error);
}

/* The themes' names of @theme_ids, "; " separated. */
static char *
join_theme_names (GPtrArray *themes,
                  GArray    *theme_ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < theme_ids->len; i++)
    for (guint t = 0; t < themes->len; t++)
      {
        SpThemeInfo *theme = g_ptr_array_index (themes, t);

        if (theme->id != g_array_index (theme_ids, gint64, i))
          continue;
        if (names->len > 0)
          g_string_append (names, "; ");
        g_string_append (names, theme->name);
      }
  return _sp_export_xml_scrub (g_string_free (g_steal_pointer (&names), FALSE));
}

gboolean
sp_export_graphml_agreement (SpProject      *project,
                             GOutputStream  *stream,
                             GCancellable   *cancellable,
                             GError        **error)
{
  g_autoptr(SpAgreement) agreement = NULL;
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;

  g_return_val_if_fail (SP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  agreement = sp_project_compute_agreement (project, NULL, error);
  if (agreement == NULL)
    return FALSE;

  buffer = xmlBufferCreate ();
  writer = start_graph (buffer, agreement_network_keys, G_N_ELEMENTS (agreement_network_keys));
  write_stakeholder_nodes (writer, agreement->stakeholders);

  for (guint a = 0; a < agreement->stakeholders->len; a++)
    for (guint b = a + 1; b < agreement->stakeholders->len; b++)
      {
        SpStakeholderInfo *first = g_ptr_array_index (agreement->stakeholders, a);
        SpStakeholderInfo *second = g_ptr_array_index (agreement->stakeholders, b);
        SpAgreementCell *cell = sp_agreement_get_cell (agreement, a, b);
        guint agree = cell->agree_theme_ids->len;
        guint conflict = cell->conflict_theme_ids->len;
        g_autofree char *agree_themes = NULL;
        g_autofree char *conflict_themes = NULL;

        if (agree + conflict == 0)
          continue;

        agree_themes = join_theme_names (agreement->themes, cell->agree_theme_ids);
        conflict_themes = join_theme_names (agreement->themes, cell->conflict_theme_ids);
        start_edge (writer, 's', first->id, 's', second->id);
        write_int_data (writer, "weight", agree + conflict);
        write_int_data (writer, "agree", agree);
        write_int_data (writer, "conflict", conflict);
        write_int_data (writer, "net", (gint64) agree - conflict);
        write_data (writer, "agree_themes", agree_themes);
        write_data (writer, "conflict_themes", conflict_themes);
        xmlTextWriterEndElement (writer);
      }

  return finish_graph (writer, buffer, stream, cancellable, error);
}
