/* sp-attribution.h: checking a report's paraphrases against the transcript
 * they draw on.
 *
 * A report names its sources two ways: in the text ("As Kennedy observes,
 * …") and in footnotes ("See expert discussion.", then "Ibid." for the
 * next ones). Each sentence of the report's body that names a stakeholder
 * (or refers back with "he" or "she" to one named earlier in its
 * paragraph), or that carries such a footnote reference, is an attributed
 * passage.
 * For each, the transcript's turn paragraphs most likely to be its source
 * are ranked by textual similarity (BM25 over the words the two share),
 * among the named speaker's turns only when the passage names someone who
 * speaks in the transcript.
 *
 * The analyst then accepts a candidate (the report passage is tagged and
 * attributed to the speaker, and a "paraphrases" link goes from it to the
 * candidate's passage) or rejects them all; both are undoable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "sp-links.h"
#include "sp-project.h"

G_BEGIN_DECLS

typedef enum
{
  SP_ATTRIBUTION_NO_CANDIDATE, /* nothing in the transcript resembles it */
  SP_ATTRIBUTION_PROPOSED,     /* candidates wait for the analyst */
  SP_ATTRIBUTION_LINKED,       /* a "paraphrases" link leaves the passage */
  SP_ATTRIBUTION_REJECTED,     /* the analyst rejected every candidate */
} SpAttributionState;

/* Why a sentence counts as an attributed passage; both may hold. */
typedef enum
{
  SP_ATTRIBUTION_NAMES_STAKEHOLDER = 1 << 0,
  SP_ATTRIBUTION_CITES_DISCUSSION  = 1 << 1, /* "See expert discussion", "Ibid." */
} SpAttributionReason;

typedef struct
{
  gint64   segment_id;     /* the transcript paragraph */
  gint64   start;          /* code points in the transcript, end exclusive */
  gint64   end;
  char    *text;
  gint64   stakeholder_id; /* the turn's speaker, 0 if unknown */
  char    *speaker;        /* name, or NULL */
  gint64   timestamp_ms;   /* the turn's, -1 if none */
  double   score;          /* higher is more similar; > 0 */
} SpAttributionCandidate;

typedef struct
{
  gint64               document_id;     /* the report */
  gint64               start;           /* code points, end exclusive */
  gint64               end;
  char                *text;
  SpAttributionReason  reasons;
  gint64               stakeholder_id;  /* named (or nearest named before it), 0 if none */
  char                *stakeholder;     /* name, or NULL */
  int                  footnote;        /* number of the citing footnote, 0 if none */
  SpAttributionState   state;
  gint64               link_id;         /* the "paraphrases" link when LINKED */
  GPtrArray           *candidates;      /* SpAttributionCandidate, best first */
} SpAttribution;

void sp_attribution_candidate_free (SpAttributionCandidate *candidate);
void sp_attribution_free           (SpAttribution          *attribution);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAttributionCandidate, sp_attribution_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpAttribution, sp_attribution_free)

/* "no-candidate", "proposed", "linked", "rejected" (command line, JSON) */
const char *sp_attribution_state_to_string (SpAttributionState state);
/* Translated, for people */
const char *sp_attribution_state_get_label (SpAttributionState state);

/* Byte ranges [start, end) of the words of @candidate that also occur in
 * @passage, compared the way the ranking compares them (case and accents
 * folded, stop words ignored, plural "s" stripped), as pairs of gsize in
 * order: what a view marks to show why a candidate was proposed. */
GArray     *sp_attribution_shared_word_ranges (const char *passage,
                                               const char *candidate);

/* Every attributed passage of @report_id in reading order, each with up to
 * @max_candidates candidates from @transcript_id (0: the default, 5).
 * Reads both documents once; meant to run in a worker thread on a
 * secondary connection for large documents (see sp_project_open_secondary).
 * Array of SpAttribution. */
GPtrArray  *sp_project_check_attributions (SpProject    *self,
                                           gint64        report_id,
                                           gint64        transcript_id,
                                           guint         max_candidates,
                                           GCancellable *cancellable,
                                           GError      **error);

/* Accepts @candidate for the report passage [@start, @end) of @report_id:
 * tags the passage (or takes the annotation covering exactly it), sets its
 * stakeholder to the candidate's speaker, tags the candidate's passage
 * likewise and links the first to the second as "paraphrases"; clears a
 * rejection. One undoable change. */
gboolean    sp_project_accept_attribution (SpProject                    *self,
                                           gint64                        report_id,
                                           gint64                        start,
                                           gint64                        end,
                                           const SpAttributionCandidate *candidate,
                                           gint64                       *out_link_id,
                                           GError                      **error);
/* Marks the passage as having no source among the candidates; undoable. */
gboolean    sp_project_reject_attribution (SpProject    *self,
                                           gint64        report_id,
                                           gint64        start,
                                           gint64        end,
                                           GError      **error);

G_END_DECLS
