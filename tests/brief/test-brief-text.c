/* test-brief-text.c: the brief's own line breaking against PangoLayout.
 *
 * SpBriefText shapes each paragraph once and divides the glyphs between
 * lines itself (sp-brief-text.c says why). PangoLayout is the reference:
 * for the same markup, font and width, each case must give the same
 * lines, at the same heights, and draw the same pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "sp-brief-text.h"

#define WIDTH 300.0

typedef struct
{
  const char *name;
  const char *markup;
  double      width;
  gboolean    lines_only;  /* has characters no font has: PangoLayout writes
                            * their code in the box, the brief leaves it empty */
} Case;

static const Case cases[] = {
  { "latin", "Competition over international standards is intensifying as China seeks to shape "
             "the rules, and the United States and its allies respond with export controls and "
             "new partnerships among like-minded countries.", WIDTH },
  { "markup", "“Values in standards” matter &amp; <b>bold words</b> wrap with "
              "<i>italic ones</i>\n<span size=\"smaller\" foreground=\"#5e5c64\">— Scott Kennedy, "
              "1:29:59, ¶ 66 · Edited transcript of the webinar</span>  "
              "<span size=\"smaller\"><span foreground=\"#26a269\" weight=\"bold\">Supports</span></span>",
    WIDTH },
  { "long-word", "A URL such as https://www.example.org/a/very/long/path/that/cannot/fit/on/one/line/at/all "
                 "breaks between characters.", 200.0 },
  { "char-breaks", "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstalt "
                   "und Rechtsschutzversicherungsgesellschaften", 90.0 },
  { "paragraphs", "First paragraph.\nSecond one, long enough to wrap onto a second line of its own "
                  "at this width.\n\nAfter an empty line.", WIDTH },
  { "trailing-newline", "Ends with a newline\n", WIDTH },
  { "empty", "", WIDTH },
  { "spaces", "Many     spaces     between     words     that     wrap     somewhere     along     "
              "the     way", 150.0 },
  { "cyrillic", "Конкуренция за международные стандарты усиливается, и союзники отвечают "
                "экспортным контролем и новыми партнёрствами.", WIDTH },
  { "cjk", "标准之争日益激烈，中国试图塑造规则，美国及其盟友则以出口管制和志同道合国家之间的新伙伴关系作为回应。", 200.0 },
  { "rtl", "المنافسة على المعايير الدولية تشتد مع سعي الصين إلى تشكيل القواعد، ويرد الحلفاء بضوابط التصدير.",
    WIDTH },
  { "mixed-direction", "The term <b>المعايير</b> (standards) appears in the Arabic version of the "
                       "report twice, once as المعايير الدولية.", WIDTH },
  { "empty-line-font", "<span size='xx-large'>a\n\nb</span>", WIDTH },
  /* Mandatory breaks to Pango, but not to PangoLayout, which breaks only
   * after U+2028. */
  { "control-breaks", "abc\vdef\fghi\302\205jkl and a line\342\200\250separator", WIDTH, TRUE },
  /* A bullet from a Word document, in the Private Use Area. */
  { "missing-glyph-first", "\357\202\267 Bullet, then text in Devanagari: हिन्दी भाषा", WIDTH, TRUE },
};

static PangoContext *
make_context (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  return context;
}

static PangoLayout *
make_layout (PangoContext               *context,
             const PangoFontDescription *font,
             const char                 *markup,
             double                      width,
             const double               *tabs,
             guint                       n_tabs)
{
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  if (n_tabs > 0)
    {
      PangoTabArray *array = pango_tab_array_new (n_tabs, FALSE);

      for (guint i = 0; i < n_tabs; i++)
        pango_tab_array_set_tab (array, i, PANGO_TAB_LEFT, (int) (tabs[i] * PANGO_SCALE));
      pango_layout_set_tabs (layout, array);
      pango_tab_array_free (array);
    }
  return layout;
}

/* Both drawings put the same glyphs at the same positions through Cairo,
 * so they must match to the pixel. */
static void
assert_same_pixels (cairo_surface_t *expected,
                    cairo_surface_t *actual,
                    const char      *name)
{
  int width = cairo_image_surface_get_width (expected);
  int height = cairo_image_surface_get_height (expected);
  int stride = cairo_image_surface_get_stride (expected);
  const guchar *a, *b;
  guint64 difference = 0, ink = 0;

  cairo_surface_flush (expected);
  cairo_surface_flush (actual);
  a = cairo_image_surface_get_data (expected);
  b = cairo_image_surface_get_data (actual);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      {
        difference += ABS (a[y * stride + x] - b[y * stride + x]);
        ink += 255 - a[y * stride + x];
      }

  if (difference > 0)
    g_error ("%s: drawing differs from PangoLayout's by %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT,
             name, difference, ink);
  g_assert_cmpuint (ink, >, 0);
}

static cairo_surface_t *
white_surface (cairo_t **cr,
               double    height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) WIDTH + 20,
                                                         (int) height + 20);

  *cr = cairo_create (surface);
  cairo_set_source_rgb (*cr, 1, 1, 1);
  cairo_paint (*cr);
  cairo_set_source_rgb (*cr, 0.14, 0.12, 0.19);  /* PangoLayout draws in it */
  return surface;
}

static void
check_against_layout (const char   *name,
                      const char   *markup,
                      const char   *font_name,
                      double        width,
                      const double *tabs,
                      guint         n_tabs,
                      gboolean      lines_only)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *scratch_cr = cairo_create (scratch);
  PangoContext *context = make_context (scratch_cr);
  PangoFontDescription *font = pango_font_description_from_string (font_name);
  g_autoptr(SpBriefText) text = sp_brief_text_new (context, font, markup, width, tabs, n_tabs);
  g_autoptr(SpBriefOps) ops = sp_brief_ops_new ();
  const double ink_rgb[3] = { 0.14, 0.12, 0.19 };
  PangoLayout *layout = make_layout (context, font, markup, width, tabs, n_tabs);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  cairo_surface_t *expected, *actual;
  cairo_t *expected_cr, *actual_cr;
  guint line = 0;
  int layout_height;

  g_test_message ("%s", name);
  g_assert_cmpuint (sp_brief_text_get_n_lines (text), ==, pango_layout_get_line_count (layout));

  do
    {
      PangoLayoutLine *layout_line = pango_layout_iter_get_line_readonly (iter);
      const SpBriefTextLine *box = sp_brief_text_get_line (text, line);
      g_autofree char *line_text = sp_brief_text_dup_line_text (text, line);
      g_autofree char *expected_text = g_strndup (pango_layout_get_text (layout) + layout_line->start_index,
                                                  layout_line->length);
      PangoRectangle logical;

      g_assert_cmpstr (line_text, ==, expected_text);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_assert_cmpfloat_with_epsilon (box->top, (double) logical.y / PANGO_SCALE, 0.01);
      g_assert_cmpfloat_with_epsilon (box->bottom, (double) (logical.y + logical.height) / PANGO_SCALE, 0.01);
      g_assert_cmpfloat_with_epsilon (box->width, (double) logical.width / PANGO_SCALE, 0.01);
      g_assert_cmpfloat_with_epsilon (box->baseline, (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE,
                                      0.01);
      line++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* The same ink in the same places. */
  pango_layout_get_size (layout, NULL, &layout_height);
  expected = white_surface (&expected_cr, (double) layout_height / PANGO_SCALE);
  actual = white_surface (&actual_cr, (double) layout_height / PANGO_SCALE);
  cairo_move_to (expected_cr, 10, 10);
  pango_cairo_show_layout (expected_cr, layout);
  for (guint i = 0; i < sp_brief_text_get_n_lines (text); i++)
    sp_brief_text_record_line (text, ops, i, 10, 10 + sp_brief_text_get_line (text, i)->baseline, ink_rgb);
  sp_brief_ops_replay (ops, actual_cr);
  g_assert_cmpint (cairo_status (actual_cr), ==, CAIRO_STATUS_SUCCESS);
  if (markup[0] != '\0' && !lines_only)
    assert_same_pixels (expected, actual, name);

  cairo_destroy (expected_cr);
  cairo_destroy (actual_cr);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (actual);
  g_object_unref (layout);
  pango_font_description_free (font);
  g_object_unref (context);
  cairo_destroy (scratch_cr);
  cairo_surface_destroy (scratch);
}

static void
test_like_layout (gconstpointer data)
{
  const Case *test_case = data;

  check_against_layout (test_case->name, test_case->markup, "Serif 10.5", test_case->width, NULL, 0,
                        test_case->lines_only);
  check_against_layout (test_case->name, test_case->markup, "Sans Bold 9", test_case->width, NULL, 0,
                        test_case->lines_only);
}

static void
test_tabs (void)
{
  const double table[] = { 165.0, 240.0 };
  const double two[] = { 50.0, 100.0 };
  const double from_zero[] = { 0.0, 40.0 };

  check_against_layout ("tabs", "Andrea Renda\t<span foreground=\"#26a269\" weight=\"bold\">Supports</span>\t15",
                        "Sans 9.5", WIDTH, table, G_N_ELEMENTS (table), FALSE);
  check_against_layout ("tab past a stop", "A stakeholder with a very long name indeed\tMixed\t3",
                        "Sans 9.5", WIDTH, table, G_N_ELEMENTS (table), FALSE);
  /* Past the last stop, on at the distance between the last two. */
  check_against_layout ("past the last stop", "a\tb\tc\td", "Sans 10", WIDTH, two, G_N_ELEMENTS (two), FALSE);
  check_against_layout ("stop at zero", "aaaaaa\tb", "Sans 10", WIDTH, from_zero, G_N_ELEMENTS (from_zero), FALSE);
  /* Without stops, every eight spaces, at least a space on. */
  check_against_layout ("default stops", "a\tb\tccc\tdddd", "Serif 10.5", WIDTH, NULL, 0, FALSE);
}

/* Words too long for the line are broken between characters, and no line
 * is wider than the width. A word of ligatures breaks between clusters
 * (PangoLayout shapes the pieces again and breaks inside a ligature, so
 * the lines differ); in Arabic the letter before the hyphen takes its
 * final form, wider than the one measured in the word, so the break moves
 * back until the line fits (PangoLayout lets such a line overflow once it
 * has laid out Chinese text: its lines are not a reference here). */
static void
test_long_words_fit (void)
{
  static const struct { const char *font; const char *text; } words[] = {
    { "Serif 12", "affiffiffiffiffiffiffiffiffiffiffiffi efficient officially" },
    { "Serif 10.5", "المنافسةالمنافسةالمنافسةالمنافسة الدولية" },
    { "Sans Bold 9", "المنافسةالمنافسةالمنافسةالمنافسة الدولية" },
  };
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  PangoContext *context = make_context (cr);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      PangoFontDescription *font = pango_font_description_from_string (words[w].font);

      for (double width = 30.0; width <= 60.0; width += 0.5)
        {
          g_autoptr(SpBriefText) text = sp_brief_text_new (context, font, words[w].text, width, NULL, 0);

          g_string_truncate (joined, 0);
          for (guint i = 0; i < sp_brief_text_get_n_lines (text); i++)
            {
              g_autofree char *line = sp_brief_text_dup_line_text (text, i);

              g_assert_cmpfloat (sp_brief_text_get_line (text, i)->width, <=, width + 0.01);
              g_string_append (joined, line);
            }
          g_assert_cmpstr (joined->str, ==, words[w].text);
        }
      pango_font_description_free (font);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

/* Cairo refuses text with non-characters (U+FFFF, U+FDD0, U+1FFFE) and
 * stops drawing: the glyphs go without their text, and the page goes on. */
static void
test_noncharacters (void)
{
  cairo_surface_t *pdf = cairo_pdf_surface_create_for_stream (NULL, NULL, 300, 300);
  cairo_t *cr = cairo_create (pdf);
  PangoContext *context = make_context (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  g_autoptr(SpBriefText) text = sp_brief_text_new (context, font, "before \357\277\277 \357\267\220 "
                                                   "\360\237\277\276 after\nthe next line", WIDTH, NULL, 0);
  g_autoptr(SpBriefOps) ops = sp_brief_ops_new ();
  const double ink_rgb[3] = { 0, 0, 0 };

  g_assert_cmpuint (sp_brief_text_get_n_lines (text), ==, 2);
  for (guint i = 0; i < 2; i++)
    sp_brief_text_record_line (text, ops, i, 10, 20 + 15 * i, ink_rgb);
  sp_brief_ops_replay (ops, cr);
  cairo_show_page (cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  pango_font_description_free (font);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
}

/* Markup that does not parse is shown as text, never dropped. */
static void
test_bad_markup (void)
{
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  PangoContext *context = make_context (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 10");
  g_autoptr(SpBriefText) text = NULL;
  g_autofree char *line = NULL;

  text = sp_brief_text_new (context, font, "a <b>broken & markup", WIDTH, NULL, 0);
  g_assert_cmpuint (sp_brief_text_get_n_lines (text), ==, 1);
  line = sp_brief_text_dup_line_text (text, 0);
  g_assert_cmpstr (line, ==, "a <b>broken & markup");

  pango_font_description_free (font);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/brief-text/like-layout/%s", cases[i].name);

      g_test_add_data_func (path, &cases[i], test_like_layout);
    }
  g_test_add_func ("/brief-text/tabs", test_tabs);
  g_test_add_func ("/brief-text/long-words-fit", test_long_words_fit);
  g_test_add_func ("/brief-text/noncharacters", test_noncharacters);
  g_test_add_func ("/brief-text/bad-markup", test_bad_markup);

  return g_test_run ();
}
