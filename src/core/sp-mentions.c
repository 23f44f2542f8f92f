/* sp-mentions.c: where a document names a stakeholder.
 *
 * Names and aliases are cut into words and filed under their first word in
 * a hash table. The text is then read once, word by word; each word looks
 * up the names that start with it, longest first. The cost is one pass over
 * the text plus a lookup per word, however many aliases the project has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-mentions.h"
#include "sp-project-private.h"

void
sp_mention_free (SpMention *mention)
{
  if (mention == NULL)
    return;
  g_free (mention->name);
  g_free (mention->alias);
  g_free (mention);
}

/* Letters, digits and combining marks make words; everything else (spaces,
 * punctuation, apostrophes: "Renda’s", and footnote marks: "Milne¹") is a
 * boundary. */
static inline gboolean
is_word_char (gunichar c)
{
  return (g_unichar_isalnum (c) && g_unichar_type (c) != G_UNICODE_OTHER_NUMBER) || g_unichar_ismark (c);
}

typedef struct
{
  const char *start;  /* bytes */
  gsize       len;
  gint64      cp_start;
  gint64      cp_end;
} Word;

/* Cuts @text into words. Code point offsets are only counted when @words
 * is the document's (pass @count_cp). */
static GArray *
split_words (const char *text,
             gboolean    count_cp)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
  const char *p = text;
  gint64 cp = 0;
  Word word = { NULL, 0, 0, 0 };

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (is_word_char (c))
        {
          if (word.start == NULL)
            {
              word.start = p;
              word.cp_start = cp;
            }
        }
      else if (word.start != NULL)
        {
          word.len = (gsize) (p - word.start);
          word.cp_end = cp;
          g_array_append_val (words, word);
          word.start = NULL;
        }

      p = next;
      if (count_cp)
        cp++;
    }

  if (word.start != NULL)
    {
      word.len = (gsize) (p - word.start);
      word.cp_end = cp;
      g_array_append_val (words, word);
    }

  return words;
}

static gboolean
all_space (const char *start,
           const char *end)
{
  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

typedef struct
{
  gint64  stakeholder_id;
  char   *name;
  char   *alias;
  GArray *words;   /* of Word, pointing into @alias */
  gsize   length;  /* bytes from the first word to the end of the last */
} Pattern;

static void
pattern_free (Pattern *pattern)
{
  g_free (pattern->name);
  g_free (pattern->alias);
  g_array_unref (pattern->words);
  g_free (pattern);
}

/* Longest first, then the stakeholder added first. */
static int
compare_patterns (gconstpointer a,
                  gconstpointer b)
{
  const Pattern *pa = *(const Pattern * const *) a;
  const Pattern *pb = *(const Pattern * const *) b;

  if (pa->words->len != pb->words->len)
    return pa->words->len > pb->words->len ? -1 : 1;
  if (pa->length != pb->length)
    return pa->length > pb->length ? -1 : 1;
  return (pa->stakeholder_id > pb->stakeholder_id) - (pa->stakeholder_id < pb->stakeholder_id);
}

/* Separators must be the same, except that any run of white space (a
 * line break in a report, a non-breaking space) stands for any other. */
static gboolean
separator_matches (const char *pattern_start,
                   const char *pattern_end,
                   const char *text_start,
                   const char *text_end)
{
  if (all_space (pattern_start, pattern_end))
    return text_end > text_start && all_space (text_start, text_end);
  return pattern_end - pattern_start == text_end - text_start &&
         memcmp (pattern_start, text_start, (gsize) (pattern_end - pattern_start)) == 0;
}

static gboolean
pattern_matches (const Pattern *pattern,
                 GArray        *words,
                 guint          at)
{
  if (at + pattern->words->len > words->len)
    return FALSE;

  /* The first word matched through the hash table. */
  for (guint k = 1; k < pattern->words->len; k++)
    {
      const Word *pw = &g_array_index (pattern->words, Word, k);
      const Word *pprev = &g_array_index (pattern->words, Word, k - 1);
      const Word *tw = &g_array_index (words, Word, at + k);
      const Word *tprev = &g_array_index (words, Word, at + k - 1);

      if (pw->len != tw->len || memcmp (pw->start, tw->start, pw->len) != 0)
        return FALSE;
      if (!separator_matches (pprev->start + pprev->len, pw->start,
                              tprev->start + tprev->len, tw->start))
        return FALSE;
    }

  return TRUE;
}

/* First word → GPtrArray of Pattern, sorted by compare_patterns(). */
static GHashTable *
load_patterns (sqlite3  *db,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) table = NULL;
  GHashTableIter iter;
  gpointer value;
  int rc;

  stmt = sp_db_prepare (db,
                        "SELECT id, name, name FROM stakeholders"
                        " UNION ALL SELECT k.id, k.name, a.alias FROM stakeholder_aliases a"
                        " JOIN stakeholders k ON k.id = a.stakeholder_id",
                        error);
  if (stmt == NULL)
    return NULL;

  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pattern *pattern = g_new0 (Pattern, 1);
      GPtrArray *list;
      const Word *first, *last;
      char *key;

      pattern->stakeholder_id = sqlite3_column_int64 (stmt, 0);
      pattern->name = sp_db_column_dup (stmt, 1);
      pattern->alias = sp_db_column_dup (stmt, 2);
      pattern->words = split_words (pattern->alias, FALSE);
      if (pattern->words->len == 0)
        {
          pattern_free (pattern);
          continue;
        }

      first = &g_array_index (pattern->words, Word, 0);
      last = &g_array_index (pattern->words, Word, pattern->words->len - 1);
      pattern->length = (gsize) (last->start + last->len - first->start);

      key = g_strndup (first->start, first->len);
      list = g_hash_table_lookup (table, key);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) pattern_free);
          g_hash_table_insert (table, key, list);
        }
      else
        g_free (key);
      g_ptr_array_add (list, pattern);
    }

  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not read the stakeholders"));
      return NULL;
    }

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_patterns);

  return g_steal_pointer (&table);
}

static GPtrArray *
find_in_text (sqlite3     *db,
              const char  *text,
              GError     **error)
{
  g_autoptr(GHashTable) patterns = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GString) key = NULL;
  GPtrArray *mentions;

  if ((patterns = load_patterns (db, error)) == NULL)
    return NULL;

  mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_mention_free);
  if (g_hash_table_size (patterns) == 0)
    return mentions;

  words = split_words (text, TRUE);
  key = g_string_sized_new (64);

  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);
      GPtrArray *candidates;

      g_string_truncate (key, 0);
      g_string_append_len (key, word->start, (gssize) word->len);
      if ((candidates = g_hash_table_lookup (patterns, key->str)) == NULL)
        continue;

      for (guint c = 0; c < candidates->len; c++)
        {
          const Pattern *pattern = g_ptr_array_index (candidates, c);
          SpMention *mention;

          if (!pattern_matches (pattern, words, i))
            continue;

          mention = g_new0 (SpMention, 1);
          mention->start = word->cp_start;
          mention->end = g_array_index (words, Word, i + pattern->words->len - 1).cp_end;
          mention->stakeholder_id = pattern->stakeholder_id;
          mention->name = g_strdup (pattern->name);
          mention->alias = g_strdup (pattern->alias);
          g_ptr_array_add (mentions, mention);

          /* Mentions do not overlap: "Thomas Li" leaves no "Li" behind. */
          i += pattern->words->len - 1;
          break;
        }
    }

  return mentions;
}

GPtrArray *
sp_project_find_mentions_in_text (SpProject   *self,
                                  const char  *text,
                                  GError     **error)
{
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL)
    return NULL;

  return find_in_text (db, text, error);
}

GPtrArray *
sp_project_find_mentions (SpProject  *self,
                          gint64      document_id,
                          GError    **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);

  if ((text = sp_project_get_document_text (self, document_id, error)) == NULL)
    return NULL;

  return sp_project_find_mentions_in_text (self, text, error);
}
