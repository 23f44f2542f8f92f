/* sp-attribution-rank.c: BM25 ranking (see sp-attribution-rank.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "sp-attribution-rank.h"
#include "sp-attribution-text.h"

/* The usual Okapi constants: k1 saturates repeated words, b weighs down
 * long passages. */
#define BM25_K1 1.2
#define BM25_B  0.75

typedef struct
{
  guint passage;
  guint count;     /* how often the word occurs in it */
} Posting;

struct _SpBm25Index
{
  GHashTable *postings;     /* word → GArray of Posting, by passage */
  GArray     *lengths;      /* of guint: words per passage */
  GArray     *groups;       /* of gint64: each passage's group */
  guint64     total_length;
  /* Per passage, made at the first query after passages were added: */
  double     *scores;       /* zero between queries */
  double     *norms;        /* the length normalisation, k1 (1 - b + b len / average) */
  guint       n_scores;
};

SpBm25Index *
sp_bm25_index_new (void)
{
  SpBm25Index *self = g_new0 (SpBm25Index, 1);

  self->postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  self->lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  self->groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  return self;
}

void
sp_bm25_index_free (SpBm25Index *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->postings);
  g_array_unref (self->lengths);
  g_array_unref (self->groups);
  g_free (self->scores);
  g_free (self->norms);
  g_free (self);
}

guint
sp_bm25_index_get_n_passages (SpBm25Index *self)
{
  return self->lengths->len;
}

typedef struct
{
  SpBm25Index *index;
  guint        passage;
  guint        length;
} AddState;

static void
add_word_cb (const char *word,
             gsize       word_len,
             gpointer    user_data)
{
  AddState *state = user_data;
  GArray *postings = g_hash_table_lookup (state->index->postings, word);
  Posting *last;

  if (postings == NULL)
    {
      postings = g_array_new (FALSE, FALSE, sizeof (Posting));
      g_hash_table_insert (state->index->postings, g_strndup (word, word_len), postings);
    }

  /* Passages come in order, so a word seen before in this one is last. */
  last = postings->len > 0 ? &g_array_index (postings, Posting, postings->len - 1) : NULL;
  if (last != NULL && last->passage == state->passage)
    last->count++;
  else
    {
      Posting posting = { state->passage, 1 };

      g_array_append_val (postings, posting);
    }
  state->length++;
}

guint
sp_bm25_index_add (SpBm25Index *self,
                   const char  *text,
                   gsize        len,
                   gint64       group)
{
  AddState state = { self, self->lengths->len, 0 };

  g_return_val_if_fail (self != NULL, 0);

  sp_foreach_word (text, len, add_word_cb, &state);
  g_array_append_val (self->lengths, state.length);
  g_array_append_val (self->groups, group);
  self->total_length += state.length;
  return state.passage;
}

static void
collect_word_cb (const char *word,
                 gsize       word_len,
                 gpointer    user_data)
{
  GHashTable *words = user_data;

  if (!g_hash_table_contains (words, word))
    g_hash_table_add (words, g_strndup (word, word_len));
}

static int
compare_hits (gconstpointer a,
              gconstpointer b)
{
  const SpBm25Hit *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->passage < y->passage ? -1 : x->passage > y->passage;
}

/* Keeps @hits, at most @max_hits long, sorted best first. */
static void
offer_hit (GArray    *hits,
           SpBm25Hit  hit,
           guint      max_hits)
{
  guint i = hits->len;

  while (i > 0 && compare_hits (&hit, &g_array_index (hits, SpBm25Hit, i - 1)) < 0)
    i--;
  if (i >= max_hits)
    return;
  g_array_insert_val (hits, i, hit);
  if (hits->len > max_hits)
    g_array_set_size (hits, max_hits);
}

/* Scores and norms sized for the passages there are now. */
static void
prepare_scores (SpBm25Index *self)
{
  guint n = self->lengths->len;
  double average_length = MAX (1.0, (double) self->total_length / n);

  g_free (self->scores);
  g_free (self->norms);
  self->scores = g_new0 (double, n);
  self->norms = g_new (double, n);
  for (guint i = 0; i < n; i++)
    self->norms[i] = BM25_K1 * (1.0 - BM25_B + BM25_B * g_array_index (self->lengths, guint, i) / average_length);
  self->n_scores = n;
}

GArray *
sp_bm25_index_query (SpBm25Index  *self,
                     const char   *text,
                     gsize         len,
                     const gint64 *group,
                     guint         max_hits)
{
  g_autoptr(GHashTable) words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (SpBm25Hit));
  const gint64 *groups = (const gint64 *) (gpointer) self->groups->data;
  guint n = self->lengths->len;
  GHashTableIter iter;
  gpointer word;

  g_return_val_if_fail (self != NULL, hits);

  if (n == 0 || max_hits == 0)
    return hits;
  if (self->n_scores != n)
    prepare_scores (self);

  sp_foreach_word (text, len, collect_word_cb, words);

  g_hash_table_iter_init (&iter, words);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      GArray *postings = g_hash_table_lookup (self->postings, word);
      double idf;

      if (postings == NULL)
        continue;
      idf = log (1.0 + (n - postings->len + 0.5) / (postings->len + 0.5));
      for (guint i = 0; i < postings->len; i++)
        {
          const Posting *posting = &g_array_index (postings, Posting, i);
          guint passage = posting->passage;

          if (group != NULL && groups[passage] != *group)
            continue;
          if (self->scores[passage] == 0.0)
            g_array_append_val (touched, passage);
          self->scores[passage] += idf * posting->count * (BM25_K1 + 1.0) / (posting->count + self->norms[passage]);
        }
    }

  for (guint i = 0; i < touched->len; i++)
    {
      guint passage = g_array_index (touched, guint, i);
      SpBm25Hit hit = { passage, self->scores[passage] };

      self->scores[passage] = 0.0;
      offer_hit (hits, hit, max_hits);
    }
  return hits;
}
