/* sp-attribution.c: checking a report's paraphrases against a transcript
 * (see sp-attribution.h): finding the attributed passages, ranking their
 * possible sources, and the analyst's accept and reject commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sp-attribution.h"
#include "sp-attribution-rank.h"
#include "sp-attribution-text.h"
#include "sp-links-private.h"
#include "sp-mentions.h"
#include "sp-project-private.h"
#include "sp-text-index.h"
#include "sp-undo-manager.h"

#define DEFAULT_MAX_CANDIDATES 5

void
sp_attribution_candidate_free (SpAttributionCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->text);
  g_free (candidate->speaker);
  g_free (candidate);
}

void
sp_attribution_free (SpAttribution *attribution)
{
  if (attribution == NULL)
    return;
  g_free (attribution->text);
  g_free (attribution->stakeholder);
  g_clear_pointer (&attribution->candidates, g_ptr_array_unref);
  g_free (attribution);
}

static void
add_word_cb (const char *word,
             gsize       word_len,
             gpointer    user_data)
{
  g_hash_table_add (user_data, g_strndup (word, word_len));
}

typedef struct
{
  GHashTable *passage_words;
  gboolean    shared;
} SharedLookup;

static void
find_word_cb (const char *word,
              gsize       word_len,
              gpointer    user_data)
{
  SharedLookup *lookup = user_data;
  g_autofree char *key = g_strndup (word, word_len);

  lookup->shared |= g_hash_table_contains (lookup->passage_words, key);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

GArray *
sp_attribution_shared_word_ranges (const char *passage,
                                   const char *candidate)
{
  g_autoptr(GHashTable) passage_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (gsize));
  SharedLookup lookup = { passage_words, FALSE };
  const char *p;

  g_return_val_if_fail (passage != NULL, ranges);
  g_return_val_if_fail (candidate != NULL, ranges);

  sp_foreach_word (passage, strlen (passage), add_word_cb, passage_words);

  /* Each run of word characters of the candidate is folded on its own by
   * the same sp_foreach_word(), so it is marked exactly when the ranking
   * counted it as shared. */
  for (p = candidate; *p != '\0'; )
    {
      const char *start = p;

      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      lookup.shared = FALSE;
      sp_foreach_word (start, p - start, find_word_cb, &lookup);
      if (lookup.shared)
        {
          gsize range[2] = { start - candidate, p - candidate };

          g_array_append_vals (ranges, range, 2);
        }
    }
  return ranges;
}

const char *
sp_attribution_state_to_string (SpAttributionState state)
{
  switch (state)
    {
    case SP_ATTRIBUTION_NO_CANDIDATE:
      return "no-candidate";
    case SP_ATTRIBUTION_PROPOSED:
      return "proposed";
    case SP_ATTRIBUTION_LINKED:
      return "linked";
    case SP_ATTRIBUTION_REJECTED:
      return "rejected";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
sp_attribution_state_get_label (SpAttributionState state)
{
  switch (state)
    {
    case SP_ATTRIBUTION_NO_CANDIDATE:
      return _("No candidate");
    case SP_ATTRIBUTION_PROPOSED:
      return _("Proposed");
    case SP_ATTRIBUTION_LINKED:
      return _("Linked");
    case SP_ATTRIBUTION_REJECTED:
      return _("Rejected");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The transcript side: every paragraph of a speaker turn, indexed once. */

typedef struct
{
  gint64             segment_id;
  gint64             start;
  gint64             end;
  gsize              byte_start;
  gsize              byte_end;
  const SpSegmentInfo *turn;
} Source;

typedef struct
{
  char        *text;
  SpTextIndex *offsets;
  GPtrArray   *segments;   /* SpSegmentInfo */
  GArray      *sources;    /* of Source, numbered as in the BM25 index */
  SpBm25Index *index;
  GHashTable  *speakers;   /* stakeholder ids with a turn */
} Transcript;

static void
transcript_free (Transcript *transcript)
{
  g_clear_pointer (&transcript->offsets, sp_text_index_free);
  g_free (transcript->text);
  g_clear_pointer (&transcript->segments, g_ptr_array_unref);
  g_clear_pointer (&transcript->sources, g_array_unref);
  g_clear_pointer (&transcript->index, sp_bm25_index_free);
  g_clear_pointer (&transcript->speakers, g_hash_table_unref);
  g_free (transcript);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Transcript, transcript_free)

static gboolean
is_block (const SpSegmentInfo *segment)
{
  return segment->kind == SP_SEGMENT_PARAGRAPH || segment->kind == SP_SEGMENT_LIST_ITEM;
}

/* Headings of the parts of a report that thank people, spell out
 * acronyms or list references: nobody's position is stated there, though
 * names abound ("we thank Prof. Robin Mansell"). */
static const char * const apparatus_headings[] = {
  "acknowledgements", "acknowledgments", "acronyms", "abbreviations", "acronyms and abbreviations",
  "list of abbreviations", "glossary", "references", "bibliography", "about the authors",
  "about the author", "danksagung", "abkürzungen", "abkürzungsverzeichnis", "literatur",
  "literaturverzeichnis", NULL
};

static gboolean
is_apparatus_heading (SpTextIndex         *offsets,
                      const SpSegmentInfo *heading)
{
  g_autofree char *text = sp_text_index_substring (offsets, heading->start, heading->end);
  g_autofree char *folded = NULL;

  g_strstrip (text);
  if (g_str_has_suffix (text, ":"))
    text[strlen (text) - 1] = '\0';
  folded = g_utf8_casefold (text, -1);
  return g_strv_contains (apparatus_headings, folded);
}

static Transcript *
load_transcript (SpProject     *self,
                 gint64         transcript_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(Transcript) transcript = g_new0 (Transcript, 1);
  const SpSegmentInfo *turn = NULL;

  if ((transcript->text = sp_project_get_document_text (self, transcript_id, error)) == NULL ||
      (transcript->segments = sp_project_list_segments (self, transcript_id, error)) == NULL)
    return NULL;
  transcript->offsets = sp_text_index_new (transcript->text, strlen (transcript->text));
  transcript->sources = g_array_new (FALSE, FALSE, sizeof (Source));
  transcript->index = sp_bm25_index_new ();
  transcript->speakers = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < transcript->segments->len; i++)
    {
      const SpSegmentInfo *segment = g_ptr_array_index (transcript->segments, i);
      Source source;

      if ((i & 1023) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (segment->kind == SP_SEGMENT_TURN)
        {
          turn = segment;
          if (segment->stakeholder_id > 0)
            g_hash_table_add (transcript->speakers, (gpointer) &segment->stakeholder_id);
          continue;
        }
      /* Segments come in reading order, a turn before what it encloses. */
      if (!is_block (segment) || turn == NULL || segment->start >= turn->end)
        continue;

      source.segment_id = segment->id;
      source.start = segment->start;
      source.end = segment->end;
      source.byte_start = sp_text_index_byte_offset (transcript->offsets, (gsize) segment->start);
      source.byte_end = sp_text_index_byte_offset (transcript->offsets, (gsize) segment->end);
      source.turn = turn;
      g_array_append_val (transcript->sources, source);
      sp_bm25_index_add (transcript->index, transcript->text + source.byte_start,
                         source.byte_end - source.byte_start, turn->stakeholder_id);
    }
  return g_steal_pointer (&transcript);
}

static GPtrArray *
rank_candidates (Transcript  *transcript,
                 const char  *text,
                 gint64       speaker_id,
                 guint        max_candidates)
{
  GPtrArray *candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_attribution_candidate_free);
  g_autoptr(GArray) hits = NULL;

  /* Among the named person's turns only, if they speak here at all. */
  hits = sp_bm25_index_query (transcript->index, text, strlen (text),
                              g_hash_table_contains (transcript->speakers, &speaker_id) ? &speaker_id : NULL,
                              max_candidates);
  for (guint i = 0; i < hits->len; i++)
    {
      const SpBm25Hit *hit = &g_array_index (hits, SpBm25Hit, i);
      const Source *source = &g_array_index (transcript->sources, Source, hit->passage);
      SpAttributionCandidate *candidate = g_new0 (SpAttributionCandidate, 1);

      candidate->segment_id = source->segment_id;
      candidate->start = source->start;
      candidate->end = source->end;
      candidate->text = g_strndup (transcript->text + source->byte_start,
                                   source->byte_end - source->byte_start);
      candidate->stakeholder_id = source->turn->stakeholder_id;
      candidate->speaker = g_strdup (source->turn->stakeholder);
      candidate->timestamp_ms = source->turn->timestamp_ms;
      candidate->score = hit->score;
      g_ptr_array_add (candidates, candidate);
    }
  return candidates;
}

/* The report side. */

/* The number of the footnote in @text after its own mark ("¹⁸ Ibid."). */
static const char *
skip_footnote_mark (const char *text)
{
  while (*text != '\0')
    {
      gunichar c = g_utf8_get_char (text);

      if (!g_unichar_isspace (c) && !g_unichar_isdigit (c) &&
          g_unichar_type (c) != G_UNICODE_OTHER_NUMBER && c != '.')
        break;
      text = g_utf8_next_char (text);
    }
  return text;
}

/* Which footnotes cite the discussion: "See expert discussion…", and every
 * "Ibid." straight after such a footnote or after another such "Ibid.".
 * Indexed by footnote number. */
static GArray *
find_citing_footnotes (SpTextIndex  *offsets,
                       GPtrArray    *segments)
{
  g_autoptr(GPtrArray) footnotes = g_ptr_array_new ();
  GArray *citing = g_array_new (FALSE, TRUE, sizeof (gboolean));
  gboolean chain = FALSE;

  for (guint i = 0; i < segments->len; i++)
    {
      SpSegmentInfo *segment = g_ptr_array_index (segments, i);

      if (segment->kind == SP_SEGMENT_FOOTNOTE && segment->number > 0)
        g_ptr_array_add (footnotes, segment);
    }

  /* In the order they are numbered, which is the order "Ibid." refers to. */
  for (guint i = 0; i < footnotes->len; i++)
    for (guint j = i + 1; j < footnotes->len; j++)
      if (((SpSegmentInfo *) footnotes->pdata[j])->number < ((SpSegmentInfo *) footnotes->pdata[i])->number)
        {
          gpointer swap = footnotes->pdata[i];

          footnotes->pdata[i] = footnotes->pdata[j];
          footnotes->pdata[j] = swap;
        }

  for (guint i = 0; i < footnotes->len; i++)
    {
      const SpSegmentInfo *footnote = g_ptr_array_index (footnotes, i);
      g_autofree char *note = sp_text_index_substring (offsets, (gsize) footnote->start, (gsize) footnote->end);
      const char *body = skip_footnote_mark (note);
      gboolean cites;

      if (g_ascii_strncasecmp (body, "See expert discussion", strlen ("See expert discussion")) == 0)
        cites = chain = TRUE;
      else if (g_ascii_strncasecmp (body, "Ibid", strlen ("Ibid")) == 0)
        cites = chain;
      else
        cites = chain = FALSE;

      if ((guint) footnote->number >= citing->len)
        g_array_set_size (citing, (guint) footnote->number + 1);
      g_array_index (citing, gboolean, footnote->number) = cites;
    }
  return citing;
}

typedef struct
{
  gint64 start;
  gint64 end;
  gint64 link_id;
} Decision;

/* Report passages with a "paraphrases" link into the transcript, and the
 * rejected ones; both small, read once. */
static GArray *
list_decisions (sqlite3     *db,
                const char  *sql,
                gint64       report_id,
                gint64       transcript_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) decisions = g_array_new (FALSE, FALSE, sizeof (Decision));
  int rc;

  if ((stmt = sp_db_prepare (db, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, report_id);
  sqlite3_bind_int64 (stmt, 2, transcript_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Decision decision = {
        sqlite3_column_int64 (stmt, 0),
        sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int64 (stmt, 2),
      };
      g_array_append_val (decisions, decision);
    }
  if (rc != SQLITE_DONE)
    {
      sp_db_set_error (error, db, rc, _("Could not read the attribution decisions"));
      return NULL;
    }
  return g_steal_pointer (&decisions);
}

static void
decide_state (SpAttribution *attribution,
              GArray        *links,
              GArray        *rejections)
{
  for (guint i = 0; i < links->len; i++)
    {
      const Decision *link = &g_array_index (links, Decision, i);

      if (link->start < attribution->end && link->end > attribution->start)
        {
          attribution->state = SP_ATTRIBUTION_LINKED;
          attribution->link_id = link->link_id;
          return;
        }
    }
  for (guint i = 0; i < rejections->len; i++)
    {
      const Decision *rejection = &g_array_index (rejections, Decision, i);

      if (rejection->start == attribution->start && rejection->end == attribution->end)
        {
          attribution->state = SP_ATTRIBUTION_REJECTED;
          return;
        }
    }
  attribution->state = attribution->candidates->len > 0 ? SP_ATTRIBUTION_PROPOSED : SP_ATTRIBUTION_NO_CANDIDATE;
}

/* What the walk over the report's paragraphs needs, with cursors into the
 * mentions and footnote references, which are in text order like it. */
typedef struct
{
  gint64       report_id;
  const char  *text;
  SpTextIndex *offsets;
  GPtrArray   *mentions;      /* SpMention, by start */
  guint        next_mention;
  GPtrArray   *refs;          /* SpSegmentInfo of footnote references, by start */
  guint        next_ref;
  GArray      *citing;        /* gboolean per footnote number */
  Transcript  *transcript;
  GArray      *links;
  GArray      *rejections;
  guint        max_candidates;
  GPtrArray   *results;
} Walk;

/* Whether @sentence refers to a person with "he" or "she". */
static gboolean
names_by_pronoun (const char *sentence)
{
  const char *p = sentence;

  while (*p != '\0')
    {
      const char *word = p;

      while (g_ascii_isalpha (*p))
        p++;
      if ((p - word == 2 && g_ascii_strncasecmp (word, "he", 2) == 0) ||
          (p - word == 3 && g_ascii_strncasecmp (word, "she", 3) == 0))
        return TRUE;
      /* Skip to the next word; non-ASCII letters count as word too. */
      while (*p != '\0' && !g_ascii_isalpha (*p))
        p++;
      if (p > word && (guchar) p[-1] >= 0x80)
        while (g_ascii_isalpha (*p))
          p++;
    }
  return FALSE;
}

static void
check_sentence (Walk             *walk,
                gint64            start,
                gint64            end,
                const SpMention  *named,
                const SpMention  *before)
{
  SpAttributionReason reasons = 0;
  const SpMention *mention = named != NULL ? named : before;
  g_autoptr(SpAttribution) attribution = NULL;
  int footnote = 0;

  for (guint i = walk->next_ref; i < walk->refs->len; i++)
    {
      const SpSegmentInfo *ref = g_ptr_array_index (walk->refs, i);

      if (ref->start >= end)
        break;
      if (ref->start >= start && ref->number > 0 && (guint) ref->number < walk->citing->len &&
          g_array_index (walk->citing, gboolean, ref->number))
        {
          footnote = ref->number;
          reasons |= SP_ATTRIBUTION_CITES_DISCUSSION;
          break;
        }
    }
  attribution = g_new0 (SpAttribution, 1);
  attribution->text = sp_text_index_substring (walk->offsets, (gsize) start, (gsize) end);
  /* "He notes that …" after "As Kennedy observes, …" names Kennedy too. */
  if (named != NULL || (before != NULL && names_by_pronoun (attribution->text)))
    reasons |= SP_ATTRIBUTION_NAMES_STAKEHOLDER;
  if (reasons == 0)
    return;

  attribution->document_id = walk->report_id;
  attribution->start = start;
  attribution->end = end;
  attribution->reasons = reasons;
  attribution->footnote = footnote;
  if (mention != NULL)
    {
      attribution->stakeholder_id = mention->stakeholder_id;
      attribution->stakeholder = g_strdup (mention->name);
    }
  attribution->candidates = rank_candidates (walk->transcript, attribution->text,
                                             attribution->stakeholder_id, walk->max_candidates);
  decide_state (attribution, walk->links, walk->rejections);
  g_ptr_array_add (walk->results, g_steal_pointer (&attribution));
}

static void
check_paragraph (Walk                *walk,
                 const SpSegmentInfo *paragraph)
{
  gsize byte_start = sp_text_index_byte_offset (walk->offsets, (gsize) paragraph->start);
  gsize byte_end = sp_text_index_byte_offset (walk->offsets, (gsize) paragraph->end);
  const char *text = walk->text + byte_start;
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (gsize));
  const SpMention *before = NULL;
  gint64 cursor = paragraph->start;
  const char *counted = text;

  while (walk->next_mention < walk->mentions->len &&
         ((SpMention *) walk->mentions->pdata[walk->next_mention])->start < paragraph->start)
    walk->next_mention++;
  while (walk->next_ref < walk->refs->len &&
         ((SpSegmentInfo *) walk->refs->pdata[walk->next_ref])->start < paragraph->start)
    walk->next_ref++;

  sp_split_sentences (text, byte_end - byte_start, sentences);
  for (guint i = 0; i + 1 < sentences->len; i += 2)
    {
      gsize s = g_array_index (sentences, gsize, i);
      gsize e = g_array_index (sentences, gsize, i + 1);
      const SpMention *named = NULL;
      const SpMention *earlier = before;
      gint64 start, end;

      /* Code points, counted on from the previous sentence. */
      start = cursor + g_utf8_pointer_to_offset (counted, text + s);
      end = start + g_utf8_pointer_to_offset (text + s, text + e);
      cursor = end;
      counted = text + e;

      while (walk->next_mention < walk->mentions->len)
        {
          const SpMention *mention = g_ptr_array_index (walk->mentions, walk->next_mention);

          if (mention->start >= end || mention->start >= paragraph->end)
            break;
          if (mention->start >= start && named == NULL)
            named = mention;
          /* The nearest one named before the next sentence. */
          before = mention;
          walk->next_mention++;
        }

      check_sentence (walk, start, end, named, earlier);
      while (walk->next_ref < walk->refs->len &&
             ((SpSegmentInfo *) walk->refs->pdata[walk->next_ref])->start < end)
        walk->next_ref++;
    }
}

static gboolean
check_documents (SpProject       *self,
                 gint64           report_id,
                 gint64           transcript_id,
                 GError         **error)
{
  g_autoptr(SpDocumentInfo) report = NULL;
  g_autoptr(SpDocumentInfo) transcript = NULL;

  if ((report = sp_project_get_document (self, report_id, error)) == NULL ||
      (transcript = sp_project_get_document (self, transcript_id, error)) == NULL)
    return FALSE;
  if (report_id == transcript_id)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Cannot check “%s” against itself: choose a report and the transcript it draws on"),
                   report->title);
      return FALSE;
    }
  if (transcript->n_turns == 0)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("“%s” has no speaker turns, so there is nobody to attribute passages to: "
                     "choose a transcript"),
                   transcript->title);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
sp_project_check_attributions (SpProject     *self,
                               gint64         report_id,
                               gint64         transcript_id,
                               guint          max_candidates,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(Transcript) transcript = NULL;
  g_autoptr(GPtrArray) segments = NULL;
  g_autoptr(GPtrArray) mentions = NULL;
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(GArray) citing = NULL;
  g_autoptr(GArray) links = NULL;
  g_autoptr(GArray) rejections = NULL;
  g_autoptr(SpTextIndex) offsets = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *text = NULL;
  gint64 skip_until = -1;
  int apparatus_level = 0;
  sqlite3 *db;
  Walk walk;

  g_return_val_if_fail (SP_IS_PROJECT (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  if ((db = _sp_project_get_db_checked (self, error)) == NULL ||
      !check_documents (self, report_id, transcript_id, error))
    return NULL;
  if (max_candidates == 0)
    max_candidates = DEFAULT_MAX_CANDIDATES;

  links = list_decisions (db,
                          "SELECT s.start, s.end, l.id FROM links l"
                          " JOIN annotations s ON s.id = l.source_id"
                          " JOIN annotations t ON t.id = l.target_id"
                          " WHERE l.kind = 'paraphrases' AND s.document_id = ?1 AND t.document_id = ?2"
                          " ORDER BY s.start, l.id",
                          report_id, transcript_id, error);
  rejections = links == NULL ? NULL :
    list_decisions (db, "SELECT start, end, id FROM attribution_rejections WHERE document_id = ?1 AND ?2 = ?2",
                    report_id, transcript_id, error);
  if (rejections == NULL)
    return NULL;

  if ((transcript = load_transcript (self, transcript_id, cancellable, error)) == NULL ||
      (text = sp_project_get_document_text (self, report_id, error)) == NULL ||
      (segments = sp_project_list_segments (self, report_id, error)) == NULL ||
      (mentions = sp_project_find_mentions (self, report_id, error)) == NULL)
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  offsets = sp_text_index_new (text, strlen (text));
  citing = find_citing_footnotes (offsets, segments);
  for (guint i = 0; i < segments->len; i++)
    if (((SpSegmentInfo *) segments->pdata[i])->kind == SP_SEGMENT_FOOTNOTE_REF)
      g_ptr_array_add (refs, segments->pdata[i]);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) sp_attribution_free);
  walk = (Walk) {
    .report_id = report_id,
    .text = text,
    .offsets = offsets,
    .mentions = mentions,
    .refs = refs,
    .citing = citing,
    .transcript = transcript,
    .links = links,
    .rejections = rejections,
    .max_candidates = max_candidates,
    .results = results,
  };

  /* What comes before a table of contents is the title page: the title,
   * the authors ("Claire Milne¹ Jufang Wang²"), the date. */
  for (guint i = 0; i < segments->len; i++)
    if (((SpSegmentInfo *) segments->pdata[i])->kind == SP_SEGMENT_TOC)
      {
        skip_until = ((SpSegmentInfo *) segments->pdata[i])->start;
        break;
      }

  for (guint i = 0; i < segments->len; i++)
    {
      const SpSegmentInfo *segment = g_ptr_array_index (segments, i);

      /* The table of contents and the notes hold no body text. */
      if (segment->kind == SP_SEGMENT_TOC || segment->kind == SP_SEGMENT_NOTES)
        skip_until = MAX (skip_until, segment->end);
      /* Nor do the thanks, the acronyms or the references, down to the
       * next heading of their level. */
      if (segment->kind == SP_SEGMENT_HEADING)
        {
          if (apparatus_level > 0 && segment->level <= apparatus_level)
            apparatus_level = 0;
          if (apparatus_level == 0 && is_apparatus_heading (offsets, segment))
            apparatus_level = MAX (segment->level, 1);
        }
      if (!is_block (segment) || segment->start < skip_until || apparatus_level > 0)
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      check_paragraph (&walk, segment);
    }

  return g_steal_pointer (&results);
}

/* Decisions. */

typedef struct
{
  gint64  id;          /* 0 until first stored */
  gint64  document_id;
  gint64  start;
  gint64  end;
  char   *created_at;
} Rejection;

static void
rejection_free (gpointer data)
{
  Rejection *rejection = data;

  g_free (rejection->created_at);
  g_free (rejection);
}

static gboolean
insert_rejection (SpProject  *project,
                  gpointer    data,
                  GError    **error)
{
  Rejection *rejection = data;
  sqlite3 *db = _sp_project_get_db (project);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sp_db_prepare (db,
                        "INSERT INTO attribution_rejections (id, document_id, start, end, created_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (stmt == NULL)
    return FALSE;
  if (rejection->id > 0)
    sqlite3_bind_int64 (stmt, 1, rejection->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, rejection->document_id);
  sqlite3_bind_int64 (stmt, 3, rejection->start);
  sqlite3_bind_int64 (stmt, 4, rejection->end);
  sqlite3_bind_text (stmt, 5, rejection->created_at, -1, SQLITE_STATIC);
  if (!sp_db_step_done (db, stmt, _("Could not store the rejected attribution"), error))
    return FALSE;
  rejection->id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static gboolean
remove_rejection (SpProject  *project,
                  gpointer    data,
                  GError    **error)
{
  return sp_db_exec_int64 (_sp_project_get_db (project), "DELETE FROM attribution_rejections WHERE id = ?1",
                           ((Rejection *) data)->id, _("Could not remove the rejected attribution"),
                           error) >= 0;
}

/* The rejection of exactly [start, end), or NULL (with @error on failure). */
static Rejection *
find_rejection (sqlite3  *db,
                gint64    document_id,
                gint64    start,
                gint64    end,
                GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Rejection *rejection;
  int rc;

  stmt = sp_db_prepare (db,
                        "SELECT id, created_at FROM attribution_rejections"
                        " WHERE document_id = ?1 AND start = ?2 AND end = ?3",
                        error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      sp_db_set_error (error, db, rc, _("Could not read the attribution decisions"));
      return NULL;
    }
  rejection = g_new0 (Rejection, 1);
  rejection->id = sqlite3_column_int64 (stmt, 0);
  rejection->document_id = document_id;
  rejection->start = start;
  rejection->end = end;
  rejection->created_at = sp_db_column_dup (stmt, 1);
  return rejection;
}

static gboolean
check_passage (SpProject  *self,
               gint64      document_id,
               gint64      start,
               gint64      end,
               GError    **error)
{
  g_autoptr(SpDocumentInfo) document = sp_project_get_document (self, document_id, error);

  if (document == NULL)
    return FALSE;
  if (start < 0 || end <= start || end > document->n_chars)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_INVALID_ARGUMENT,
                   _("Characters %lld–%lld are not a passage of “%s”, which has %lld characters"),
                   (long long) start, (long long) end, document->title, (long long) document->n_chars);
      return FALSE;
    }
  return TRUE;
}

gboolean
sp_project_accept_attribution (SpProject                     *self,
                               gint64                         report_id,
                               gint64                         start,
                               gint64                         end,
                               const SpAttributionCandidate  *candidate,
                               gint64                        *out_link_id,
                               GError                       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(SpLinkChange) change = NULL;
  g_autoptr(GError) local_error = NULL;
  Rejection *rejection;
  SpPassage source, target;
  sqlite3 *db;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (candidate != NULL, FALSE);

  if (!_sp_project_check_writable (self, error) ||
      !check_passage (self, report_id, start, end, error))
    return FALSE;
  db = _sp_project_get_db (self);

  /* The candidate's document is the transcript its paragraph belongs to. */
  stmt = sp_db_prepare (db, "SELECT document_id FROM segments WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, candidate->segment_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, SP_ERROR, SP_ERROR_NOT_FOUND,
                   _("The proposed passage (segment %lld) is no longer in the project"),
                   (long long) candidate->segment_id);
      return FALSE;
    }

  source = (SpPassage) { report_id, start, end };
  target = (SpPassage) { sqlite3_column_int64 (stmt, 0), candidate->start, candidate->end };
  change = _sp_link_change_new (self, &source, candidate->stakeholder_id, &target, SP_LINK_PARAPHRASES, error);
  if (change == NULL)
    return FALSE;

  rejection = find_rejection (db, report_id, start, end, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (rejection != NULL)
    _sp_link_change_add_step (change, remove_rejection, insert_rejection, rejection, rejection_free);

  return _sp_link_change_execute (self, g_steal_pointer (&change), _("Accept attribution"),
                                  out_link_id, NULL, NULL, error);
}

gboolean
sp_project_reject_attribution (SpProject  *self,
                               gint64      report_id,
                               gint64      start,
                               gint64      end,
                               GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  Rejection *existing;
  Rejection *rejection;
  SpCommand *command;

  g_return_val_if_fail (SP_IS_PROJECT (self), FALSE);

  if (!_sp_project_check_writable (self, error) ||
      !check_passage (self, report_id, start, end, error))
    return FALSE;

  existing = find_rejection (_sp_project_get_db (self), report_id, start, end, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      rejection_free (existing);
      g_set_error (error, SP_ERROR, SP_ERROR_DUPLICATE,
                   _("Characters %lld–%lld were already marked as having no source"),
                   (long long) start, (long long) end);
      return FALSE;
    }

  rejection = g_new0 (Rejection, 1);
  rejection->document_id = report_id;
  rejection->start = start;
  rejection->end = end;
  rejection->created_at = _sp_project_now ();
  command = sp_command_new (_("Reject attribution"), SP_PROJECT_CHANGE_LINKS,
                            insert_rejection, remove_rejection, rejection, rejection_free);
  return sp_undo_manager_execute (sp_project_get_undo_manager (self), command, error);
}
