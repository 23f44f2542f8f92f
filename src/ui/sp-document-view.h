/* sp-document-view.h: one document of a project, shown read-only with its
 * structure (headings, speaker turns, footnotes, …) as text tags.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtksourceview/gtksource.h>

#include "sp-project.h"

G_BEGIN_DECLS

/* Names of the buffer's tags, one per kind of structure, so tests and
 * other views can find them in the tag table. Headings are "heading-1" to
 * "heading-6" and table of contents entries "toc-entry-1" to "toc-entry-3". */
#define SP_TAG_HEADING_PREFIX   "heading-"
#define SP_TAG_PARAGRAPH        "paragraph"
#define SP_TAG_LIST_ITEM        "list-item"
#define SP_TAG_TURN             "turn"
#define SP_TAG_SPEAKER          "speaker"
#define SP_TAG_TIMESTAMP        "timestamp"
#define SP_TAG_FOOTNOTE         "footnote"
#define SP_TAG_FOOTNOTE_NUMBER  "footnote-number"
#define SP_TAG_FOOTNOTE_REF     "footnote-ref"
#define SP_TAG_LINK             "link"
#define SP_TAG_ITALIC           "italic"
#define SP_TAG_BOLD             "bold"
#define SP_TAG_UNDERLINE        "underline"
#define SP_TAG_TOC              "toc"
#define SP_TAG_TOC_ENTRY_PREFIX "toc-entry-"
#define SP_TAG_NOTES            "notes"
#define SP_TAG_TABLE            "table"
#define SP_TAG_FLASH            "flash"
/* Annotations: "annotation" covers every annotated character (no style of
 * its own); each theme colour has a background tag "highlight-#rrggbb" and
 * an underline tag "highlight-underline-#rrggbb" for passages that overlap
 * another one or carry a second theme. */
#define SP_TAG_ANNOTATION       "annotation"
#define SP_TAG_HIGHLIGHT_PREFIX "highlight-"
#define SP_TAG_UNDERLINE_PREFIX "highlight-underline-"
/* Passages at one end of a link between annotations (a dotted underline);
 * not SP_TAG_LINK, which marks the document's own hyperlinks. */
#define SP_TAG_LINKED           "linked"

/* One end of a link in the document a view shows, with where its other end
 * is and what to say about it ("Paraphrases: Scott Kennedy, 12:34"). */
typedef struct
{
  gint64  link_id;
  int     start;               /* this end, characters, end exclusive */
  int     end;
  gint64  other_document_id;
  int     other_start;
  int     other_end;
  char   *label;
} SpLinkMarker;

SpLinkMarker  *sp_link_marker_new  (gint64      link_id,
                                    int         start,
                                    int         end,
                                    gint64      other_document_id,
                                    int         other_start,
                                    int         other_end,
                                    const char *label);
void           sp_link_marker_free (SpLinkMarker *marker);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SpLinkMarker, sp_link_marker_free)

#define SP_TYPE_DOCUMENT_VIEW (sp_document_view_get_type ())

G_DECLARE_FINAL_TYPE (SpDocumentView, sp_document_view, SP, DOCUMENT_VIEW, GtkWidget)

GtkWidget     *sp_document_view_new                      (void);

/* Shows document @document_id of @project; the view keeps no reference to
 * the project. On failure the view is left empty. */
gboolean       sp_document_view_load                     (SpDocumentView *self,
                                                          SpProject      *project,
                                                          gint64          document_id,
                                                          GError        **error);
void           sp_document_view_clear                    (SpDocumentView *self);

gint64         sp_document_view_get_document_id          (SpDocumentView *self);
const char    *sp_document_view_get_title                (SpDocumentView *self);
GtkSourceView *sp_document_view_get_source_view          (SpDocumentView *self);
GtkTextBuffer *sp_document_view_get_buffer               (SpDocumentView *self);
/* The document's segments as loaded (SpSegmentInfo), in document order. */
GPtrArray     *sp_document_view_get_segments             (SpDocumentView *self);

/* Puts the cursor at character @start, scrolls it into view and briefly
 * highlights [@start, @end) (nothing if @end <= @start). If @remember, the
 * place left is kept for sp_document_view_go_back(). */
void           sp_document_view_go_to_range              (SpDocumentView *self,
                                                          int             start,
                                                          int             end,
                                                          gboolean        remember);

/* If @offset lies in a footnote reference, moves to its footnote; if it
 * lies in a footnote's number, moves back to the footnote's first
 * reference. The place left is remembered for sp_document_view_go_back().
 * Returns TRUE if it moved. */
gboolean       sp_document_view_follow_footnote_at_offset (SpDocumentView *self,
                                                          int             offset);
/* Returns to where the last followed reference was (Alt+Left). */
gboolean       sp_document_view_go_back                  (SpDocumentView *self);
gboolean       sp_document_view_can_go_back              (SpDocumentView *self);

/* Moves to the next speaker turn of stakeholder @stakeholder_id after the
 * cursor, wrapping around at the end. Returns FALSE if they have no turn in
 * this document. */
gboolean       sp_document_view_next_turn_by             (SpDocumentView *self,
                                                          gint64          stakeholder_id);

/* Draws @annotations (SpAnnotationInfo of this document, reading order) as
 * highlights in the colour of their first theme; @themes (SpThemeInfo) give
 * the colours. Only the ranges that changed since the last call are
 * re-tagged. The view keeps a reference to @annotations. */
void           sp_document_view_set_annotations          (SpDocumentView *self,
                                                          GPtrArray      *annotations,
                                                          GPtrArray      *themes);
/* As last set, or NULL. */
/* Adds, replaces (@info) or removes (@info NULL) the annotation @id in the
 * annotations the view holds, and re-tags only what that changes. Takes
 * @info. */
void           sp_document_view_update_annotation        (SpDocumentView   *self,
                                                          gint64            id,
                                                          SpAnnotationInfo *info,
                                                          GPtrArray        *themes);
GPtrArray     *sp_document_view_get_annotations          (SpDocumentView *self);
/* The tag for @color ("#rrggbb"), or NULL if none was needed yet. */
GtkTextTag    *sp_document_view_get_highlight_tag        (SpDocumentView *self,
                                                          const char     *color,
                                                          gboolean        underline);
/* The selected character range; FALSE if nothing is selected. */
gboolean       sp_document_view_get_selection            (SpDocumentView *self,
                                                          int            *start,
                                                          int            *end);
/* Selects [@start, @end) and scrolls it into view. */
void           sp_document_view_select_range             (SpDocumentView *self,
                                                          int             start,
                                                          int             end);
/* The speaker turn at character @offset, or NULL. */
SpSegmentInfo *sp_document_view_get_turn_at              (SpDocumentView *self,
                                                          int             offset);
/* The text of [@start, @end). */
char          *sp_document_view_get_text_range           (SpDocumentView *self,
                                                          int             start,
                                                          int             end);
/* Shows @popover (whose parent must be the view) pointing at [@start, @end). */
void           sp_document_view_popup_at_range           (SpDocumentView *self,
                                                          GtkPopover     *popover,
                                                          int             start,
                                                          int             end);

/* Highlights drawn as coloured underlines only, with no background (the
 * "highlight-style" setting). Changes the existing tags in place. */
gboolean       sp_document_view_get_underline_highlights (SpDocumentView *self);
void           sp_document_view_set_underline_highlights (SpDocumentView *self,
                                                          gboolean        underline_only);
/* Page numbers of the source document in the left margin. */
gboolean       sp_document_view_get_show_page_numbers    (SpDocumentView *self);
void           sp_document_view_set_show_page_numbers    (SpDocumentView *self,
                                                          gboolean        show);
/* The margin renderer showing them (a GtkSourceGutterRenderer). */
GtkWidget     *sp_document_view_get_page_gutter          (SpDocumentView *self);

/* Marks the ends of links in this document (SpLinkMarker; sorted in place
 * by start and kept by the view; NULL for none): a dotted underline on the
 * passage, a link icon in the margin, the label as tooltip. Clicking the
 * icon emits ::link-activated (gint64 link_id, int start) for the first
 * link on that line. */
void           sp_document_view_set_link_markers         (SpDocumentView *self,
                                                          GPtrArray      *markers);
GPtrArray     *sp_document_view_get_link_markers         (SpDocumentView *self);
/* The markers whose passage holds @offset (or ends just before it), in
 * passage order; borrowed from the view. */
GPtrArray     *sp_document_view_get_link_markers_at      (SpDocumentView *self,
                                                          int             offset);
/* The margin renderer showing the link icons. */
GtkWidget     *sp_document_view_get_link_gutter          (SpDocumentView *self);
gboolean       sp_document_view_get_link_icon_y          (SpDocumentView *self,
                                                          int             line,
                                                          int            *y);
/* Whether the link icon is shown on buffer line @line. */
gboolean       sp_document_view_has_link_marker_on_line  (SpDocumentView *self,
                                                          int             line);
/* The cursor's character offset. */
int            sp_document_view_get_cursor_offset        (SpDocumentView *self);

double         sp_document_view_get_zoom                 (SpDocumentView *self);
void           sp_document_view_set_zoom                 (SpDocumentView *self,
                                                          double          zoom);

G_END_DECLS
