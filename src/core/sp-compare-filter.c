/* sp-compare-filter.c: which annotations the comparison views count, and
 * the same choice as SQL conditions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "sp-compare-private.h"
#include "sp-project-private.h"

SpCompareFilter *
sp_compare_filter_new (void)
{
  return g_new0 (SpCompareFilter, 1);
}

SpCompareFilter *
sp_compare_filter_copy (const SpCompareFilter *filter)
{
  SpCompareFilter *copy;

  g_return_val_if_fail (filter != NULL, NULL);

  copy = sp_compare_filter_new ();
  if (filter->document_ids != NULL)
    {
      copy->document_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), filter->document_ids->len);
      g_array_append_vals (copy->document_ids, filter->document_ids->data, filter->document_ids->len);
    }
  copy->sectors = g_strdupv (filter->sectors);
  copy->stances = filter->stances;
  return copy;
}

void
sp_compare_filter_free (SpCompareFilter *filter)
{
  if (filter == NULL)
    return;
  g_clear_pointer (&filter->document_ids, g_array_unref);
  g_strfreev (filter->sectors);
  g_free (filter);
}

gboolean
_sp_compare_filter_check (SpProject              *project,
                          const SpCompareFilter  *filter,
                          GError                **error)
{
  if (filter == NULL)
    return TRUE;

  if ((filter->stances & ~SP_COMPARE_ALL_STANCES) != 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("The stance mask %#x names stances that do not exist"), filter->stances);
      return FALSE;
    }

  for (guint i = 0; filter->document_ids != NULL && i < filter->document_ids->len; i++)
    {
      g_autoptr(SpDocumentInfo) document = NULL;

      document = sp_project_get_document (project, g_array_index (filter->document_ids, gint64, i), error);
      if (document == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
append_documents (GString               *sql,
                  const SpCompareFilter *filter)
{
  if (filter->document_ids == NULL || filter->document_ids->len == 0)
    return;

  g_string_append (sql, " AND a.document_id IN (");
  for (guint i = 0; i < filter->document_ids->len; i++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (filter->document_ids, gint64, i));
  g_string_append_c (sql, ')');
}

/* Sectors are stored untranslated and compared in any (ASCII) case, as
 * the stakeholder editor and the command line spell them differently. */
static void
append_sectors (GString               *sql,
                const SpCompareFilter *filter)
{
  if (filter->sectors == NULL || filter->sectors[0] == NULL)
    return;

  g_string_append (sql, " AND a.stakeholder_id IN (SELECT id FROM stakeholders"
                        " WHERE sector COLLATE NOCASE IN (");
  for (guint i = 0; filter->sectors[i] != NULL; i++)
    {
      char *quoted = sqlite3_mprintf ("%Q", filter->sectors[i]);

      g_string_append_printf (sql, "%s%s", i > 0 ? "," : "", quoted);
      sqlite3_free (quoted);
    }
  g_string_append (sql, "))");
}

static void
append_stances (GString               *sql,
                const SpCompareFilter *filter)
{
  guint mask = filter->stances & SP_COMPARE_ALL_STANCES;
  gboolean first = TRUE;

  if (mask == 0 || mask == SP_COMPARE_ALL_STANCES)
    return;

  g_string_append (sql, " AND (a.stance IN (");
  for (SpStance stance = SP_STANCE_SUPPORTS; stance < SP_N_STANCES; stance++)
    if (mask & (1u << stance))
      {
        g_string_append_printf (sql, "%s'%s'", first ? "" : ",", sp_stance_to_string (stance));
        first = FALSE;
      }
  g_string_append (sql, ")");
  if (mask & (1u << SP_STANCE_NONE))
    g_string_append (sql, " OR a.stance IS NULL");
  g_string_append (sql, ")");
}

char *
_sp_compare_filter_to_sql (const SpCompareFilter *filter)
{
  GString *sql = g_string_new (NULL);

  if (filter != NULL)
    {
      append_documents (sql, filter);
      append_sectors (sql, filter);
      append_stances (sql, filter);
    }
  return g_string_free (sql, FALSE);
}
