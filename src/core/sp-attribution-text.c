/* sp-attribution-text.c: sentences and comparable words (see
 * sp-attribution-text.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "sp-attribution-text.h"

/* Words that end with a full stop without ending the sentence. Compared
 * without case; tokens with an inner stop ("e.g", "U.S") and single
 * capitals (initials) are recognised without a list. */
static const char * const abbreviations[] = {
  "al", "approx", "art", "ca", "cf", "ch", "co", "corp", "dr", "ed", "eds",
  "fig", "gen", "gov", "inc", "jr", "ltd", "mr", "mrs", "ms", "mt", "no",
  "nos", "p", "para", "pp", "prof", "rep", "sec", "sen", "sr", "st", "vol",
  "vs",
};

/* Frequent English words that say nothing about what a passage is about,
 * with the fillers of spoken English a transcript is full of. */
static const char * const stop_words[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am",
  "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
  "being", "between", "both", "but", "by", "can", "could", "did", "do",
  "does", "doing", "don", "down", "during", "each", "even", "few", "for",
  "from", "further", "get", "going", "had", "has", "have", "having", "he",
  "her", "here", "hers", "herself", "him", "himself", "his", "how",
  "however", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
  "know", "let", "ll", "me", "might", "more", "most", "much", "must", "my",
  "myself", "no", "nor", "not", "now", "of", "off", "ok", "on", "once",
  "one", "only", "or", "other", "our", "ours", "ourselves", "out", "over",
  "own", "re", "really", "said", "same", "say", "she", "should", "so",
  "some", "such", "than", "that", "the", "their", "theirs", "them",
  "themselves", "then", "there", "these", "they", "think", "this", "those",
  "through", "thus", "to", "too", "under", "until", "up", "us", "ve", "very",
  "was", "we", "well", "were", "what", "when", "where", "which", "while",
  "who", "whom", "why", "will", "with", "would", "yes", "you", "your",
  "yours", "yourself", "yourselves",
};

static GHashTable *
get_word_set (const char * const *words,
              gsize                n_words)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize i = 0; i < n_words; i++)
    g_hash_table_add (set, (gpointer) words[i]);
  return set;
}

static GHashTable *
get_abbreviations (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, get_word_set (abbreviations, G_N_ELEMENTS (abbreviations)));
  return set;
}

static GHashTable *
get_stop_words (void)
{
  static GHashTable *set;

  if (g_once_init_enter (&set))
    g_once_init_leave (&set, get_word_set (stop_words, G_N_ELEMENTS (stop_words)));
  return set;
}

static gboolean
is_superscript_digit (gunichar c)
{
  return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079);
}

/* What may follow a sentence's final stop and still belong to it. */
static gboolean
is_closer (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')' || c == ']' ||
         c == 0x201D /* ” */ || c == 0x2019 /* ’ */ || c == 0x00BB /* » */ ||
         is_superscript_digit (c);
}

static gboolean
can_start_sentence (gunichar c)
{
  return g_unichar_isupper (c) || g_unichar_istitle (c) || g_unichar_isdigit (c) ||
         c == '"' || c == '(' || c == '[' || c == 0x201C /* “ */ || c == 0x2018 /* ‘ */ ||
         c == 0x00AB /* « */;
}

/* Whether the full stop at byte @dot ends a word that is an abbreviation
 * or an initial rather than the end of a sentence. */
static gboolean
ends_abbreviation (const char *text,
                   gsize       dot)
{
  const char *p = text + dot;
  const char *word_start = p;
  g_autofree char *word = NULL;
  gboolean inner_stop = FALSE;
  glong n_chars;

  while (word_start > text)
    {
      const char *prev = g_utf8_prev_char (word_start);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.')
        inner_stop = TRUE;
      else if (!g_unichar_isalpha (c))
        break;
      word_start = prev;
    }
  if (word_start == p)
    return FALSE;  /* "in 2022." */
  if (inner_stop)
    return TRUE;   /* "U.S.", "e.g." */

  n_chars = g_utf8_strlen (word_start, p - word_start);
  if (n_chars == 1 && g_unichar_isupper (g_utf8_get_char (word_start)))
    return TRUE;   /* "Milton L. Mueller" */

  word = g_ascii_strdown (word_start, p - word_start);
  return g_hash_table_contains (get_abbreviations (), word);
}

static void
add_trimmed (const char *text,
             gsize       start,
             gsize       end,
             GArray     *into)
{
  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  if (end > start)
    {
      g_array_append_val (into, start);
      g_array_append_val (into, end);
    }
}

void
sp_split_sentences (const char *text,
                    gsize       len,
                    GArray     *into)
{
  const char *end = text + len;
  const char *p = text;
  gsize start = 0;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (into != NULL);

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *after = g_utf8_next_char (p);
      const char *next;

      if (c != '.' && c != '!' && c != '?')
        {
          p = after;
          continue;
        }

      while (after < end && is_closer (g_utf8_get_char (after)))
        after = g_utf8_next_char (after);
      if (after >= end || !g_unichar_isspace (g_utf8_get_char (after)))
        {
          p = after;
          continue;
        }
      next = after;
      while (next < end && g_unichar_isspace (g_utf8_get_char (next)))
        next = g_utf8_next_char (next);

      if (next < end && can_start_sentence (g_utf8_get_char (next)) &&
          !(c == '.' && ends_abbreviation (text, (gsize) (p - text))))
        {
          add_trimmed (text, start, (gsize) (after - text), into);
          start = (gsize) (next - text);
        }
      p = next;
    }

  add_trimmed (text, start, len, into);
}

/* The base letter of @c, lower case: "É" → "e". */
static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c < 0x80)
    return g_ascii_tolower ((char) c);
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

/* Light stemming, so "standards" meets "standard" and "policies"
 * "policy"; anything more would need a real stemmer. */
static void
strip_plural (GString *word)
{
  if (word->len > 4 && g_str_has_suffix (word->str, "ies"))
    {
      g_string_truncate (word, word->len - 3);
      g_string_append_c (word, 'y');
    }
  else if (word->len > 3 && word->str[word->len - 1] == 's' &&
           !g_str_has_suffix (word->str, "ss") && !g_str_has_suffix (word->str, "us") &&
           !g_str_has_suffix (word->str, "is"))
    g_string_truncate (word, word->len - 1);
}

static void
emit_word (GString    *word,
           SpWordFunc  func,
           gpointer    user_data)
{
  if (word->len >= 2 && !g_hash_table_contains (get_stop_words (), word->str))
    {
      strip_plural (word);
      func (word->str, word->len, user_data);
    }
  g_string_truncate (word, 0);
}

void
sp_foreach_word (const char *text,
                 gsize       len,
                 SpWordFunc  func,
                 gpointer    user_data)
{
  g_autoptr(GString) word = g_string_sized_new (32);
  const char *end = text + len;

  g_return_if_fail (text != NULL || len == 0);
  g_return_if_fail (func != NULL);

  for (const char *p = text; p < end; )
    {
      guchar byte = (guchar) *p;

      /* Most text is ASCII: no decoding for it. */
      if (byte < 0x80)
        {
          if (g_ascii_isalnum (byte))
            g_string_append_c (word, g_ascii_tolower (byte));
          else if (word->len > 0)
            emit_word (word, func, user_data);
          p++;
          continue;
        }

      {
        gunichar c = g_utf8_get_char (p);

        /* Footnote marks ("Milne¹") are not part of the word. */
        if (g_unichar_isalnum (c) && !is_superscript_digit (c))
          g_string_append_unichar (word, fold_char (c));
        else if (g_unichar_ismark (c))
          ;  /* a combining accent: part of the word, dropped */
        else if (word->len > 0)
          emit_word (word, func, user_data);
        p = g_utf8_next_char (p);
      }
    }
  if (word->len > 0)
    emit_word (word, func, user_data);
}
