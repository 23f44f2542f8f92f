/* sp-brief.c: the brief's scope and its model, gathered in one pass over
 * the project's annotations (see sp-brief.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-brief.h"
#include "sp-error.h"
#include "sp-links.h"
#include "sp-project-themes.h"

#define N_STANCES (SP_STANCE_UNCLEAR + 1)

SpBriefScope *
sp_brief_scope_new (void)
{
  SpBriefScope *scope = g_new0 (SpBriefScope, 1);

  scope->theme_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scope->stakeholder_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scope->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  scope->include_memos = TRUE;
  scope->include_codebook = TRUE;
  return scope;
}

static void
copy_ids (GArray       *into,
          const GArray *from)
{
  g_array_append_vals (into, from->data, from->len);
}

SpBriefScope *
sp_brief_scope_copy (const SpBriefScope *scope)
{
  SpBriefScope *copy = sp_brief_scope_new ();

  copy_ids (copy->theme_ids, scope->theme_ids);
  copy_ids (copy->stakeholder_ids, scope->stakeholder_ids);
  copy_ids (copy->document_ids, scope->document_ids);
  copy->stances = scope->stances;
  copy->title = g_strdup (scope->title);
  copy->include_memos = scope->include_memos;
  copy->include_codebook = scope->include_codebook;
  return copy;
}

void
sp_brief_scope_free (SpBriefScope *scope)
{
  if (scope == NULL)
    return;
  g_array_unref (scope->theme_ids);
  g_array_unref (scope->stakeholder_ids);
  g_array_unref (scope->document_ids);
  g_free (scope->title);
  g_free (scope);
}

const char *
sp_brief_stance_color (SpStance stance)
{
  switch (stance)
    {
    case SP_STANCE_SUPPORTS: return "#26a269";
    case SP_STANCE_OPPOSES:  return "#c01c28";
    case SP_STANCE_MIXED:    return "#c64600";
    case SP_STANCE_NEUTRAL:  return "#5e5c64";
    case SP_STANCE_UNCLEAR:  return "#813d9c";
    case SP_STANCE_NONE:
    default:                 return "#77767b";
    }
}

const char *
sp_brief_safe_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return "#77767b";
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return "#77767b";
  return color;
}

/* Model records */

static void
citation_free_members (SpCitation *citation)
{
  sp_citation_clear (citation);
}

static void
link_free (gpointer data)
{
  SpBriefLink *link = data;

  g_free (link->label);
  g_free (link->quote);
  citation_free_members (&link->citation);
  g_free (link);
}

static void
quote_free (gpointer data)
{
  SpBriefQuote *quote = data;

  g_free (quote->quote);
  g_free (quote->memo);
  citation_free_members (&quote->citation);
  g_ptr_array_unref (quote->links);
  g_free (quote);
}

static void
stakeholder_free (gpointer data)
{
  SpBriefStakeholder *stakeholder = data;

  g_free (stakeholder->name);
  g_ptr_array_unref (stakeholder->quotes);
  g_free (stakeholder);
}

static void
theme_free (gpointer data)
{
  SpBriefTheme *theme = data;

  sp_theme_info_free (theme->theme);
  g_ptr_array_unref (theme->stakeholders);
  g_free (theme);
}

/* What every quote of a brief is, once, so themes can share them. */
typedef struct
{
  SpBrief    *brief;
  GPtrArray  *quotes;           /* of SpBriefQuote, owning */
  GHashTable *quote_by_id;      /* annotation id → SpBriefQuote */
  GHashTable *indexes;          /* document id → SpCitationIndex */
  GHashTable *documents;        /* document id → SpDocumentInfo (all) */
} Gather;

static void
gather_clear (Gather *gather)
{
  g_clear_pointer (&gather->quotes, g_ptr_array_unref);
  g_clear_pointer (&gather->quote_by_id, g_hash_table_unref);
  g_clear_pointer (&gather->indexes, g_hash_table_unref);
  g_clear_pointer (&gather->documents, g_hash_table_unref);
}

static gboolean
ids_contain (const GArray *ids,
             gint64        id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Empty means "all". */
static gboolean
ids_allow (const GArray *ids,
           gint64        id)
{
  return ids->len == 0 || ids_contain (ids, id);
}

static SpCitationIndex *
gather_index (Gather     *gather,
              SpProject  *project,
              gint64      document_id,
              GError    **error)
{
  SpCitationIndex *index = g_hash_table_lookup (gather->indexes, &document_id);
  const SpDocumentInfo *document;
  gint64 *key;

  if (index != NULL)
    return index;

  document = g_hash_table_lookup (gather->documents, &document_id);
  if (document == NULL)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("The brief cites document %lld, which is not in the project"),
                   (long long) document_id);
      return NULL;
    }

  index = sp_citation_index_new (project, document->id, document->title, SP_CITATION_INDEX_HEADINGS, error);
  if (index == NULL)
    return NULL;
  key = g_new (gint64, 1);
  *key = document_id;
  g_hash_table_insert (gather->indexes, key, index);
  return index;
}

/* Scope */

static void
add_scope_line (GPtrArray  *lines,
                const char *label,
                GString    *names)
{
  /* TRANSLATORS: a line of the brief's scope, e.g. "Themes: all" */
  g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), label,
                                           names->len > 0 ? names->str : _("all")));
  g_string_free (names, TRUE);
}

static void
append_name (GString    *names,
             const char *name)
{
  if (names->len > 0)
    g_string_append (names, ", ");
  g_string_append (names, name);
}

static void
describe_scope (SpBrief            *brief,
                const SpBriefScope *scope,
                GPtrArray          *themes,
                GPtrArray          *stakeholders)
{
  GString *names;

  names = g_string_new (NULL);
  for (guint i = 0; i < themes->len; i++)
    {
      const SpThemeInfo *theme = g_ptr_array_index (themes, i);

      if (scope->theme_ids->len > 0 && ids_contain (scope->theme_ids, theme->id))
        append_name (names, theme->name);
    }
  add_scope_line (brief->scope_lines, _("Themes"), names);

  names = g_string_new (NULL);
  for (guint i = 0; i < stakeholders->len; i++)
    {
      const SpStakeholderInfo *stakeholder = g_ptr_array_index (stakeholders, i);

      if (scope->stakeholder_ids->len > 0 && ids_contain (scope->stakeholder_ids, stakeholder->id))
        append_name (names, stakeholder->name);
    }
  add_scope_line (brief->scope_lines, _("Stakeholders"), names);

  names = g_string_new (NULL);
  for (guint i = 0; scope->document_ids->len > 0 && i < brief->sources->len; i++)
    append_name (names, ((SpDocumentInfo *) g_ptr_array_index (brief->sources, i))->title);
  add_scope_line (brief->scope_lines, _("Documents"), names);

  names = g_string_new (NULL);
  for (SpStance stance = SP_STANCE_NONE; stance < N_STANCES; stance++)
    if (scope->stances & (1u << stance))
      append_name (names, sp_stance_get_label (stance));
  add_scope_line (brief->scope_lines, _("Stances"), names);
}

/* Quotes */

static SpBriefQuote *
quote_new (SpCitationIndex   *index,
           const SpAnnotationInfo *annotation,
           gboolean                include_memo)
{
  SpBriefQuote *quote = g_new0 (SpBriefQuote, 1);

  quote->annotation_id = annotation->id;
  quote->quote = g_strdup (annotation->quote);
  quote->memo = g_strdup (include_memo && annotation->memo != NULL ? annotation->memo : "");
  quote->stance = annotation->stance;
  quote->links = g_ptr_array_new_with_free_func (link_free);
  sp_citation_index_cite (index, annotation->start, &quote->citation);
  return quote;
}

static const char *
incoming_label (SpLinkKind kind)
{
  switch (kind)
    {
    case SP_LINK_PARAPHRASES: return _("Paraphrased by");
    case SP_LINK_RESPONDS_TO: return _("Responded to by");
    case SP_LINK_CONTRADICTS: return _("Contradicted by");
    case SP_LINK_CITES:
    default:                  return _("Cited by");
    }
}

static gboolean
add_link (Gather      *gather,
          SpProject   *project,
          GHashTable  *annotations,
          gint64       from_id,
          gint64       to_id,
          const char  *label,
          GError     **error)
{
  SpBriefQuote *quote = g_hash_table_lookup (gather->quote_by_id, &from_id);
  const SpAnnotationInfo *other = g_hash_table_lookup (annotations, &to_id);
  SpCitationIndex *index;
  SpBriefLink *link;

  if (quote == NULL || other == NULL)
    return TRUE;

  index = gather_index (gather, project, other->document_id, error);
  if (index == NULL)
    return FALSE;

  link = g_new0 (SpBriefLink, 1);
  link->label = g_strdup (label);
  link->quote = g_strdup (other->quote);
  sp_citation_index_cite (index, other->start, &link->citation);
  g_ptr_array_add (quote->links, link);
  return TRUE;
}

static gboolean
gather_links (Gather      *gather,
              SpProject   *project,
              GHashTable  *annotations,
              GError     **error)
{
  g_autoptr(GPtrArray) links = sp_project_list_links (project, 0, error);

  if (links == NULL)
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      const SpLinkInfo *link = g_ptr_array_index (links, i);

      if (!add_link (gather, project, annotations, link->source_id, link->target_id,
                     sp_link_kind_get_label (link->kind), error) ||
          !add_link (gather, project, annotations, link->target_id, link->source_id,
                     incoming_label (link->kind), error))
        return FALSE;
    }

  return TRUE;
}

/* Themes and their stakeholders */

static SpStance
prevailing_stance (const GPtrArray *quotes)
{
  guint counts[N_STANCES] = { 0 };
  SpStance best = SP_STANCE_NONE;
  gboolean tie = FALSE;

  for (guint i = 0; i < quotes->len; i++)
    counts[((SpBriefQuote *) g_ptr_array_index (quotes, i))->stance]++;

  for (SpStance stance = SP_STANCE_SUPPORTS; stance < N_STANCES; stance++)
    {
      if (counts[stance] == 0)
        continue;
      if (best == SP_STANCE_NONE || counts[stance] > counts[best])
        {
          best = stance;
          tie = FALSE;
        }
      else if (counts[stance] == counts[best])
        tie = TRUE;
    }

  return tie ? SP_STANCE_MIXED : best;
}

static int
compare_stakeholders (gconstpointer a,
                      gconstpointer b)
{
  const SpBriefStakeholder *sa = *(SpBriefStakeholder * const *) a;
  const SpBriefStakeholder *sb = *(SpBriefStakeholder * const *) b;

  /* The unattributed passages go last. */
  if ((sa->stakeholder_id == 0) != (sb->stakeholder_id == 0))
    return sa->stakeholder_id == 0 ? 1 : -1;
  if (sa->quotes->len != sb->quotes->len)
    return sa->quotes->len > sb->quotes->len ? -1 : 1;
  return g_utf8_collate (sa->name, sb->name);
}

static SpBriefStakeholder *
theme_stakeholder (SpBriefTheme           *theme,
                   GHashTable             *by_id,
                   const SpAnnotationInfo *annotation)
{
  SpBriefStakeholder *stakeholder = g_hash_table_lookup (by_id, &annotation->stakeholder_id);

  if (stakeholder != NULL)
    return stakeholder;

  stakeholder = g_new0 (SpBriefStakeholder, 1);
  stakeholder->stakeholder_id = annotation->stakeholder_id;
  stakeholder->name = g_strdup (annotation->stakeholder != NULL ? annotation->stakeholder
                                                                : _("No stakeholder"));
  stakeholder->quotes = g_ptr_array_new ();
  g_ptr_array_add (theme->stakeholders, stakeholder);
  g_hash_table_insert (by_id, &stakeholder->stakeholder_id, stakeholder);
  return stakeholder;
}

static gboolean
annotation_in_scope (const SpBriefScope     *scope,
                     const SpAnnotationInfo *annotation)
{
  if (!ids_allow (scope->document_ids, annotation->document_id))
    return FALSE;
  if (scope->stakeholder_ids->len > 0 && !ids_contain (scope->stakeholder_ids, annotation->stakeholder_id))
    return FALSE;
  if (scope->stances != 0 && !(scope->stances & (1u << annotation->stance)))
    return FALSE;
  return TRUE;
}

static gboolean
gather_quotes (Gather              *gather,
               SpProject           *project,
               const SpBriefScope  *scope,
               GPtrArray           *themes,
               GPtrArray           *annotations,
               GError             **error)
{
  g_autoptr(GHashTable) theme_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) by_stakeholder = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  SpBrief *brief = gather->brief;

  /* One SpBriefTheme per theme of the codebook in scope, in tree order;
   * the empty ones are dropped at the end. */
  for (guint i = 0; i < themes->len; i++)
    {
      SpThemeInfo *info = g_ptr_array_index (themes, i);
      SpBriefTheme *theme;

      if (!ids_allow (scope->theme_ids, info->id))
        continue;
      theme = g_new0 (SpBriefTheme, 1);
      theme->theme = g_steal_pointer (&g_ptr_array_index (themes, i));
      theme->stakeholders = g_ptr_array_new_with_free_func (stakeholder_free);
      g_ptr_array_add (brief->themes, theme);
      g_ptr_array_add (by_stakeholder, g_hash_table_new (g_int64_hash, g_int64_equal));
      g_hash_table_insert (theme_index, &theme->theme->id, GUINT_TO_POINTER (brief->themes->len));
    }

  for (guint i = 0; i < annotations->len; i++)
    {
      const SpAnnotationInfo *annotation = g_ptr_array_index (annotations, i);
      SpBriefQuote *quote = NULL;

      if (!annotation_in_scope (scope, annotation))
        continue;

      for (guint t = 0; t < annotation->theme_ids->len; t++)
        {
          gint64 theme_id = g_array_index (annotation->theme_ids, gint64, t);
          guint position = GPOINTER_TO_UINT (g_hash_table_lookup (theme_index, &theme_id));
          SpBriefTheme *theme;
          SpBriefStakeholder *stakeholder;

          if (position == 0)
            continue;

          if (quote == NULL)
            {
              SpCitationIndex *index = gather_index (gather, project, annotation->document_id, error);

              if (index == NULL)
                return FALSE;
              quote = quote_new (index, annotation, scope->include_memos);
              g_ptr_array_add (gather->quotes, quote);
              g_hash_table_insert (gather->quote_by_id, &quote->annotation_id, quote);
            }

          theme = g_ptr_array_index (brief->themes, position - 1);
          stakeholder = theme_stakeholder (theme, g_ptr_array_index (by_stakeholder, position - 1), annotation);
          g_ptr_array_add (stakeholder->quotes, quote);
        }
    }

  for (guint i = brief->themes->len; i > 0; i--)
    {
      SpBriefTheme *theme = g_ptr_array_index (brief->themes, i - 1);

      if (theme->stakeholders->len == 0)
        {
          g_ptr_array_remove_index (brief->themes, i - 1);
          continue;
        }
      for (guint s = 0; s < theme->stakeholders->len; s++)
        {
          SpBriefStakeholder *stakeholder = g_ptr_array_index (theme->stakeholders, s);

          stakeholder->stance = prevailing_stance (stakeholder->quotes);
        }
      g_ptr_array_sort (theme->stakeholders, compare_stakeholders);
    }

  brief->n_quotes = gather->quotes->len;
  return TRUE;
}

static GHashTable *
annotations_by_id (GPtrArray *annotations)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < annotations->len; i++)
    {
      SpAnnotationInfo *annotation = g_ptr_array_index (annotations, i);

      g_hash_table_insert (by_id, &annotation->id, annotation);
    }
  return by_id;
}

static gboolean
gather_documents (Gather              *gather,
                  SpProject           *project,
                  const SpBriefScope  *scope,
                  GError             **error)
{
  g_autoptr(GPtrArray) documents = sp_project_list_documents (project, error);

  if (documents == NULL)
    return FALSE;

  for (guint i = 0; i < scope->document_ids->len; i++)
    {
      gint64 id = g_array_index (scope->document_ids, gint64, i);
      gboolean found = FALSE;

      for (guint d = 0; d < documents->len && !found; d++)
        found = ((SpDocumentInfo *) g_ptr_array_index (documents, d))->id == id;
      if (!found)
        {
          g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                       _("The brief's scope names document %lld, which is not in the project"),
                       (long long) id);
          return FALSE;
        }
    }

  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      g_hash_table_insert (gather->documents, &document->id, document);
    }

  /* The hash table borrows; sources take ownership of those in scope and
   * the rest are kept alive until the end through @documents' free func. */
  g_ptr_array_set_free_func (documents, NULL);
  for (guint i = 0; i < documents->len; i++)
    {
      SpDocumentInfo *document = g_ptr_array_index (documents, i);

      if (ids_allow (scope->document_ids, document->id))
        g_ptr_array_add (gather->brief->sources, document);
      else
        g_ptr_array_add (gather->brief->sources_out_of_scope, document);
    }

  return TRUE;
}

SpBrief *
sp_brief_new (SpProject           *project,
              const SpBriefScope  *scope,
              GError             **error)
{
  g_autoptr(SpBrief) brief = g_new0 (SpBrief, 1);
  g_autoptr(GPtrArray) themes = NULL;
  g_autoptr(GPtrArray) stakeholders = NULL;
  g_autoptr(GPtrArray) annotations = NULL;
  g_autoptr(GHashTable) annotation_index = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *project_title = NULL;
  Gather gather = { 0 };
  gboolean ok;

  g_return_val_if_fail (SP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  project_title = sp_project_dup_title (project);
  brief->title = g_strdup (scope->title != NULL && scope->title[0] != '\0' ? scope->title : project_title);
  /* xgettext:no-c-format
   * Translators: the date a brief was written, as g_date_time_format()
   * takes it: "22 November 2026"; "%x" would give "11/22/26" in English. */
  brief->date = g_date_time_format (now, _("%-d %B %Y"));
  brief->scope_lines = g_ptr_array_new_with_free_func (g_free);
  brief->themes = g_ptr_array_new_with_free_func (theme_free);
  brief->codebook = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_theme_info_free);
  brief->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_document_info_free);
  brief->sources_out_of_scope = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_document_info_free);

  themes = sp_project_list_themes (project, error);
  if (themes == NULL)
    return NULL;
  stakeholders = sp_project_list_stakeholders (project, error);
  if (stakeholders == NULL)
    return NULL;
  annotations = sp_project_list_annotations (project, NULL, error);
  if (annotations == NULL)
    return NULL;

  gather.brief = brief;
  gather.quotes = g_ptr_array_new_with_free_func (quote_free);
  gather.quote_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  gather.indexes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) sp_citation_index_free);
  gather.documents = g_hash_table_new (g_int64_hash, g_int64_equal);
  annotation_index = annotations_by_id (annotations);

  if (scope->include_codebook)
    for (guint i = 0; i < themes->len; i++)
      {
        const SpThemeInfo *theme = g_ptr_array_index (themes, i);
        SpThemeInfo *copy = g_new0 (SpThemeInfo, 1);

        *copy = *theme;
        copy->name = g_strdup (theme->name);
        copy->description = g_strdup (theme->description);
        copy->statement = g_strdup (theme->statement);
        copy->color = g_strdup (theme->color);
        copy->shortcut = g_strdup (theme->shortcut);
        g_ptr_array_add (brief->codebook, copy);
      }

  ok = gather_documents (&gather, project, scope, error);
  if (ok)
    describe_scope (brief, scope, themes, stakeholders);
  ok = ok && gather_quotes (&gather, project, scope, themes, annotations, error) &&
       gather_links (&gather, project, annotation_index, error);

  if (ok)
    brief->quotes = g_steal_pointer (&gather.quotes);
  gather_clear (&gather);

  return ok ? g_steal_pointer (&brief) : NULL;
}

void
sp_brief_free (SpBrief *brief)
{
  if (brief == NULL)
    return;
  g_free (brief->title);
  g_free (brief->date);
  g_clear_pointer (&brief->scope_lines, g_ptr_array_unref);
  /* Themes borrow quotes: free them first. */
  g_clear_pointer (&brief->themes, g_ptr_array_unref);
  g_clear_pointer (&brief->quotes, g_ptr_array_unref);
  g_clear_pointer (&brief->codebook, g_ptr_array_unref);
  g_clear_pointer (&brief->sources, g_ptr_array_unref);
  g_clear_pointer (&brief->sources_out_of_scope, g_ptr_array_unref);
  g_free (brief);
}

char *
sp_brief_isolate_bidi (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return g_strconcat ("\u2068", text, "\u2069", NULL);
    }
  return g_strdup (text);
}
