/* concord-positions-view.c
 *
 * The positions of a case as a small line chart (one line per party and
 * kind, rounds across, amounts up), a table of every position shown, and
 * the current gap between the sides. A session is a round: a position's
 * round is the number of its session among the case's sessions, so the
 * chart and the table name the same round the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-positions-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "concord-money.h"
#include "concord-ui-util.h"
#include "concord-positions-view.h"

#define CHART_HEIGHT    180
#define CHART_PAD_TOP   12
#define CHART_PAD_RIGHT 16
#define CHART_X_INSET   24   /* keeps the first and last markers off the axes */
#define N_PALETTE       6

/* One line of the chart: a party's demands or its offers. */
typedef struct
{
  gint64               party_id;
  ConcordPositionKind  kind;
  char                *label;   /* "张某 · Demand" */
  guint                colour;  /* index into the palette */
  gint64              *values;  /* per chart round, in fen; -1 for none */
} Series;

struct _ConcordPositionsView
{
  GtkWidget     parent_instance;

  ConcordCase  *c;
  GPtrArray    *sessions;     /* of ConcordSession, copies */
  GPtrArray    *shown;        /* of ConcordPosition, copies, as shown */
  GArray       *shown_rounds; /* guint: the round of each of shown */
  GArray       *chart_rounds; /* guint: the rounds across the chart */
  GPtrArray    *series;       /* of Series */
  char         *gap_text;
  gboolean      all_rows;     /* the whole table, not the latest rows */

  GtkWidget    *box;
  GtkWidget    *empty_label;
  GtkWidget    *content_box;
  GtkWidget    *chart_box;
  GtkWidget    *chart;
  GtkWidget    *legend;
  GtkWidget    *table;
  GtkWidget    *gap_label;
  GtkWidget    *hidden_label;
};

G_DEFINE_FINAL_TYPE (ConcordPositionsView, concord_positions_view, GTK_TYPE_WIDGET)

/* The libadwaita palette: darker shades on a light background, lighter
 * ones on a dark background, so every line keeps its contrast. */
static const char *const palette_light[N_PALETTE] = {
  "#1c71d8", /* blue 4 */
  "#c64600", /* orange 5 */
  "#26a269", /* green 5 */
  "#813d9c", /* purple 4 */
  "#c01c28", /* red 4 */
  "#865e3c", /* brown 4 */
};
static const char *const palette_dark[N_PALETTE] = {
  "#62a0ea", /* blue 2 */
  "#ffa348", /* orange 2 */
  "#57e389", /* green 2 */
  "#dc8add", /* purple 1 */
  "#f66151", /* red 1 */
  "#cdab8f", /* brown 1 */
};

static void
series_free (Series *series)
{
  g_free (series->label);
  g_free (series->values);
  g_free (series);
}

static ConcordPosition *
position_copy (const ConcordPosition *position)
{
  ConcordPosition *copy = concord_position_new ();

  copy->id = position->id;
  copy->session_id = position->session_id;
  copy->party_id = position->party_id;
  copy->kind = position->kind;
  copy->has_amount = position->has_amount;
  copy->amount_fen = position->amount_fen;
  copy->terms = g_strdup (position->terms);
  copy->at = g_strdup (position->at);
  return copy;
}

static const char *
party_name (ConcordPositionsView *self,
            gint64                party_id)
{
  for (guint i = 0; self->c != NULL && i < self->c->parties->len; i++)
    {
      const ConcordParty *party = g_ptr_array_index (self->c->parties, i);

      if (party->id == party_id && party->name != NULL)
        return party->name;
    }
  /* Translators: in the positions table, a party no longer in the case */
  return C_("party", "Unknown");
}

/* The order of @party_id among the case's parties, for a stable order of
 * the lines. */
static guint
party_index (ConcordPositionsView *self,
             gint64                party_id)
{
  for (guint i = 0; self->c != NULL && i < self->c->parties->len; i++)
    if (((const ConcordParty *) g_ptr_array_index (self->c->parties, i))->id == party_id)
      return i;
  return G_MAXUINT;
}

/* The session of @session_id and its round (1 for the first session). */
static const ConcordSession *
find_session (ConcordPositionsView *self,
              gint64                session_id,
              guint                *round)
{
  for (guint i = 0; i < self->sessions->len; i++)
    {
      const ConcordSession *session = g_ptr_array_index (self->sessions, i);

      if (session->id == session_id)
        {
          *round = i + 1;
          return session;
        }
    }
  *round = 0;
  return NULL;
}

static char *
format_round (guint round)
{
  /* Translators: a round of the mediation (a session), e.g. "第1轮" */
  return g_strdup_printf (_("Round %u"), round);
}

/* "¥130,000": an axis amount, whole yuan. */
static char *
format_axis_amount (gint64 fen)
{
  char *text = concord_money_format (fen);

  if (g_str_has_suffix (text, ".00"))
    text[strlen (text) - 3] = '\0';
  return text;
}

static void
get_series_colour (guint    index,
                   GdkRGBA *rgba)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  gdk_rgba_parse (rgba, (dark ? palette_dark : palette_light)[index % N_PALETTE]);
}

static void
get_foreground (GtkWidget *widget,
                GdkRGBA   *rgba)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), rgba);
}

/* A marker: a disc for a demand, a square for an offer, so the two are
 * told apart without colour. */
static void
draw_marker (cairo_t             *cr,
             ConcordPositionKind  kind,
             double               x,
             double               y)
{
  if (kind == CONCORD_POSITION_DEMAND)
    cairo_arc (cr, x, y, 4.0, 0, 2 * G_PI);
  else
    cairo_rectangle (cr, x - 3.5, y - 3.5, 7.0, 7.0);
  cairo_fill (cr);
}

static void
set_line_style (cairo_t             *cr,
                ConcordPositionKind  kind)
{
  static const double dashes[] = { 6.0, 4.0 };

  cairo_set_line_width (cr, 2.5);
  if (kind == CONCORD_POSITION_OFFER)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

/* A step of 1, 2 or 5 times a power of ten (at least one yuan) that
 * divides 0…@max_fen into about four intervals. */
static gint64
nice_step (gint64 max_fen)
{
  gint64 raw = MAX (max_fen / 4, 1);
  gint64 magnitude = 100;

  while (magnitude * 10 <= raw)
    magnitude *= 10;
  if (magnitude >= raw)
    return magnitude;
  if (magnitude * 2 >= raw)
    return magnitude * 2;
  if (magnitude * 5 >= raw)
    return magnitude * 5;
  return magnitude * 10;
}

static void
chart_draw_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  ConcordPositionsView *self = CONCORD_POSITIONS_VIEW (data);
  GtkWidget *widget = GTK_WIDGET (area);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA fg, colour;
  gint64 max_fen = 0, step, top;
  guint n_x = self->chart_rounds->len;
  int label_w = 0, label_h = 0, text_w, text_h;
  double left, right, bottom, plot_h, spacing;
  guint label_every = 1;

  if (n_x == 0 || self->series->len == 0)
    return;

  get_foreground (widget, &fg);
  layout = gtk_widget_create_pango_layout (widget, NULL);

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);

      for (guint x = 0; x < n_x; x++)
        max_fen = MAX (max_fen, series->values[x]);
    }
  step = nice_step (max_fen);
  top = MAX (step, ((max_fen + step - 1) / step) * step);

  /* The widest amount on the axis sets the left margin. */
  for (gint64 v = 0; v <= top; v += step)
    {
      g_autofree char *text = format_axis_amount (v);

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      label_w = MAX (label_w, text_w);
      label_h = MAX (label_h, text_h);
    }
  left = label_w + 10;
  right = width - CHART_PAD_RIGHT;
  bottom = height - label_h - 8;
  plot_h = bottom - CHART_PAD_TOP;
  if (right - left < 40 || plot_h < 20)
    return;

  /* Grid lines and the amounts. */
  cairo_set_line_width (cr, 1.0);
  for (gint64 v = 0; v <= top; v += step)
    {
      g_autofree char *text = format_axis_amount (v);
      double y = bottom - plot_h * (double) v / (double) top;

      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, v == 0 ? 0.35 : 0.12);
      cairo_move_to (cr, left, floor (y) + 0.5);
      cairo_line_to (cr, right, floor (y) + 0.5);
      cairo_stroke (cr);

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, left - 6 - text_w, y - text_h / 2.0);
      pango_cairo_show_layout (cr, layout);
    }

  /* The rounds; labels are thinned out when they would touch. */
  spacing = n_x > 1 ? (right - left - 2 * CHART_X_INSET) / (n_x - 1) : right - left;
  for (guint x = 0; x < n_x; x++)
    {
      g_autofree char *text = format_round (g_array_index (self->chart_rounds, guint, x));

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      while (label_every < n_x && spacing * label_every < text_w + 12)
        label_every++;
    }
#define X_OF(i) (n_x > 1 ? left + CHART_X_INSET + spacing * (i) : (left + right) / 2.0)
  for (guint x = 0; x < n_x; x += label_every)
    {
      g_autofree char *text = format_round (g_array_index (self->chart_rounds, guint, x));

      pango_layout_set_text (layout, text, -1);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.7);
      cairo_move_to (cr, X_OF (x) - text_w / 2.0, bottom + 6);
      pango_cairo_show_layout (cr, layout);
    }

  /* The lines, then their markers on top. */
  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);
      gboolean started = FALSE;

      get_series_colour (series->colour, &colour);
      gdk_cairo_set_source_rgba (cr, &colour);
      set_line_style (cr, series->kind);
      cairo_new_path (cr);
      for (guint x = 0; x < n_x; x++)
        {
          double y;

          if (series->values[x] < 0)
            continue;
          y = bottom - plot_h * (double) series->values[x] / (double) top;
          if (started)
            cairo_line_to (cr, X_OF (x), y);
          else
            cairo_move_to (cr, X_OF (x), y);
          started = TRUE;
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint x = 0; x < n_x; x++)
        if (series->values[x] >= 0)
          draw_marker (cr, series->kind, X_OF (x),
                       bottom - plot_h * (double) series->values[x] / (double) top);
    }
#undef X_OF
}

/* The sample of a line in the legend. */
static void
swatch_draw_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  GtkWidget *view = gtk_widget_get_ancestor (GTK_WIDGET (area), CONCORD_TYPE_POSITIONS_VIEW);
  guint index = GPOINTER_TO_UINT (data);
  const Series *series;
  GdkRGBA colour;

  if (view == NULL || index >= CONCORD_POSITIONS_VIEW (view)->series->len)
    return;
  series = g_ptr_array_index (CONCORD_POSITIONS_VIEW (view)->series, index);
  get_series_colour (series->colour, &colour);
  gdk_cairo_set_source_rgba (cr, &colour);
  set_line_style (cr, series->kind);
  cairo_move_to (cr, 1, height / 2.0);
  cairo_line_to (cr, width - 1, height / 2.0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  draw_marker (cr, series->kind, width / 2.0, height / 2.0);
}

static void
remove_all_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_GRID (parent))
        gtk_grid_remove (GTK_GRID (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
table_label (const char *text,
             float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

/* A case of many rounds shows the latest rows of its table, and a
 * button for the earlier ones. */
#define TABLE_ROWS_SHOWN 12

static void build_table (ConcordPositionsView *self);

static void
show_all_rows_cb (ConcordPositionsView *self)
{
  self->all_rows = TRUE;
  build_table (self);
}

static void
build_table (ConcordPositionsView *self)
{
  GtkGrid *grid = GTK_GRID (self->table);
  guint first = 0;
  int row = 1;
  const char *headings[] = {
    /* Translators: column of the positions table: the round (session) */
    C_("positions table", "Round"),
    /* Translators: column of the positions table: when it was recorded */
    C_("positions table", "Date"),
    C_("positions table", "Party"),
    /* Translators: column of the positions table: demand or offer */
    C_("positions table", "Position"),
    C_("positions table", "Amount"),
    /* Translators: column of the positions table: the terms in words */
    C_("positions table", "Terms"),
  };

  remove_all_children (self->table);
  for (guint col = 0; col < G_N_ELEMENTS (headings); col++)
    {
      GtkWidget *label = table_label (headings[col], col == 4 ? 1.0 : 0.0);

      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (grid, label, col, 0, 1, 1);
    }

  if (!self->all_rows && self->shown->len > TABLE_ROWS_SHOWN + TABLE_ROWS_SHOWN / 2)
    {
      g_autofree char *title = NULL;
      GtkWidget *more;

      first = self->shown->len - TABLE_ROWS_SHOWN;
      /* Translators: a button over the latest rows of the positions table */
      title = g_strdup_printf (ngettext ("Show %u Earlier Position", "Show %u Earlier Positions", first), first);
      more = gtk_button_new_with_label (title);
      gtk_widget_set_halign (more, GTK_ALIGN_START);
      gtk_widget_add_css_class (more, "flat");
      g_signal_connect_object (more, "clicked", G_CALLBACK (show_all_rows_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (grid, more, 0, row++, 6, 1);
    }

  for (guint i = first; i < self->shown->len; i++, row++)
    {
      const ConcordPosition *position = g_ptr_array_index (self->shown, i);
      guint round = g_array_index (self->shown_rounds, guint, i);
      g_autofree char *round_text = format_round (round);
      g_autofree char *date_text = concord_ui_format_time (position->at);
      g_autofree char *amount_text = NULL;
      GtkWidget *label;

      gtk_grid_attach (grid, table_label (round_text, 0.0), 0, row, 1, 1);

      label = table_label (date_text, 0.0);
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (grid, label, 1, row, 1, 1);

      gtk_grid_attach (grid, table_label (party_name (self, position->party_id), 0.0), 2, row, 1, 1);
      gtk_grid_attach (grid, table_label (concord_position_kind_label (position->kind), 0.0), 3, row, 1, 1);

      amount_text = position->has_amount ? concord_money_format (position->amount_fen) : g_strdup ("—");
      label = table_label (amount_text, 1.0);
      if (!position->has_amount)
        gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (grid, label, 4, row, 1, 1);

      label = table_label (!concord_text_is_blank (position->terms) ? position->terms : "—", 0.0);
      if (concord_text_is_blank (position->terms))
        gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (grid, label, 5, row, 1, 1);
    }
}

static int
compare_rounds (gconstpointer a,
                gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* The chart's rounds and lines from the positions shown with an amount:
 * within one round a later position of a line replaces an earlier one. */
static void
build_series (ConcordPositionsView *self)
{
  guint n_x;

  g_array_set_size (self->chart_rounds, 0);
  g_ptr_array_set_size (self->series, 0);

  for (guint i = 0; i < self->shown->len; i++)
    {
      const ConcordPosition *position = g_ptr_array_index (self->shown, i);
      guint round = g_array_index (self->shown_rounds, guint, i);
      guint j;

      if (!position->has_amount)
        continue;
      for (j = 0; j < self->chart_rounds->len; j++)
        if (g_array_index (self->chart_rounds, guint, j) == round)
          break;
      if (j == self->chart_rounds->len)
        g_array_append_val (self->chart_rounds, round);
    }
  g_array_sort (self->chart_rounds, compare_rounds);
  n_x = self->chart_rounds->len;

  for (guint i = 0; i < self->shown->len; i++)
    {
      const ConcordPosition *position = g_ptr_array_index (self->shown, i);
      guint round = g_array_index (self->shown_rounds, guint, i);
      Series *series = NULL;
      guint x;

      if (!position->has_amount)
        continue;
      for (guint s = 0; s < self->series->len && series == NULL; s++)
        {
          Series *candidate = g_ptr_array_index (self->series, s);

          if (candidate->party_id == position->party_id && candidate->kind == position->kind)
            series = candidate;
        }
      if (series == NULL)
        {
          series = g_new0 (Series, 1);
          series->party_id = position->party_id;
          series->kind = position->kind;
          /* Translators: a line of the positions chart: a party's name and
           * "Demand" or "Offer", e.g. "张某 · 要求" */
          series->label = g_strdup_printf (_("%s · %s"), party_name (self, position->party_id),
                                           concord_position_kind_label (position->kind));
          series->values = g_new (gint64, MAX (n_x, 1));
          for (guint k = 0; k < n_x; k++)
            series->values[k] = -1;
          g_ptr_array_add (self->series, series);
        }
      for (x = 0; x < n_x; x++)
        if (g_array_index (self->chart_rounds, guint, x) == round)
          break;
      g_assert (x < n_x);
      series->values[x] = position->amount_fen;
    }

  /* Lines in the order of the parties, a party's demand before its offer. */
  for (guint a = 1; a < self->series->len; a++)
    for (guint b = a; b > 0; b--)
      {
        Series *p = g_ptr_array_index (self->series, b - 1);
        Series *q = g_ptr_array_index (self->series, b);
        guint pi = party_index (self, p->party_id), qi = party_index (self, q->party_id);

        if (pi < qi || (pi == qi && p->kind <= q->kind))
          break;
        self->series->pdata[b - 1] = q;
        self->series->pdata[b] = p;
      }
  for (guint s = 0; s < self->series->len; s++)
    ((Series *) g_ptr_array_index (self->series, s))->colour = s;
}

static void
build_legend (ConcordPositionsView *self)
{
  remove_all_children (self->legend);
  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_drawing_area_new ();
      GtkWidget *label = gtk_label_new (series->label);

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 28);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), swatch_draw_cb,
                                      GUINT_TO_POINTER (s), NULL);
      gtk_accessible_update_state (GTK_ACCESSIBLE (swatch), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), label);
      gtk_flow_box_append (GTK_FLOW_BOX (self->legend), box);
    }
}

static void
dark_changed_cb (AdwStyleManager      *manager,
                 GParamSpec           *pspec,
                 ConcordPositionsView *self)
{
  gtk_widget_queue_draw (self->chart);
  /* The swatches draw once: new ones take the new palette. */
  build_legend (self);
}

/* What the chart shows, in words, for screen readers. */
static void
describe_chart (ConcordPositionsView *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint s = 0; s < self->series->len; s++)
    {
      const Series *series = g_ptr_array_index (self->series, s);
      int first = -1, last = -1;
      g_autofree char *sentence = NULL;

      for (guint x = 0; x < self->chart_rounds->len; x++)
        if (series->values[x] >= 0)
          {
            if (first < 0)
              first = x;
            last = x;
          }
      if (first < 0)
        continue;
      if (first == last)
        {
          g_autofree char *amount = concord_money_format (series->values[first]);

          /* Translators: description of a line of the positions chart for
           * screen readers, e.g. "张某 · 要求: ¥130,000.00 in round 1" */
          sentence = g_strdup_printf (_("%s: %s in round %u."), series->label, amount,
                                      g_array_index (self->chart_rounds, guint, first));
        }
      else
        {
          g_autofree char *from = concord_money_format (series->values[first]);
          g_autofree char *to = concord_money_format (series->values[last]);

          /* Translators: description of a line of the positions chart for
           * screen readers: the line's name, the first amount and its round,
           * the last amount and its round */
          sentence = g_strdup_printf (_("%s: from %s in round %u to %s in round %u."),
                                      series->label,
                                      from, g_array_index (self->chart_rounds, guint, first),
                                      to, g_array_index (self->chart_rounds, guint, last));
        }
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, sentence);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str,
                                  -1);
}

static void
rebuild (ConcordPositionsView *self,
         guint                 n_given,
         guint                 n_hidden)
{
  gint64 gap = 0;
  gboolean any = self->shown->len > 0;

  g_clear_pointer (&self->gap_text, g_free);
  if (concord_positions_gap (self->shown, &gap))
    {
      if (gap > 0)
        {
          g_autofree char *amount = concord_money_format (gap);

          /* Translators: under the positions: the sum of the demands minus
           * the sum of the offers, e.g. "双方还相差¥30,000.00。" */
          self->gap_text = g_strdup_printf (_("The sides are %s apart."), amount);
        }
      else
        {
          /* Translators: under the positions: the offers add up to at least
           * what is demanded */
          self->gap_text = g_strdup (_("The offers meet the demands."));
        }
    }
  gtk_label_set_text (GTK_LABEL (self->gap_label), self->gap_text != NULL ? self->gap_text : "");
  gtk_widget_set_visible (self->gap_label, self->gap_text != NULL);

  build_series (self);
  build_legend (self);
  build_table (self);
  describe_chart (self);
  gtk_widget_set_visible (self->chart_box, self->series->len > 0);
  gtk_widget_queue_draw (self->chart);

  gtk_widget_set_visible (self->hidden_label, any && n_hidden > 0);
  gtk_widget_set_visible (self->content_box, any);
  gtk_widget_set_visible (self->empty_label, !any);
  if (!any && n_given > 0 && n_hidden > 0)
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        _("The demands and offers of back-to-back sessions are hidden while the screen is turned to the parties."));
  else
    gtk_label_set_text (GTK_LABEL (self->empty_label),
                        _("No demands or offers have been recorded yet."));
}

static void
concord_positions_view_dispose (GObject *object)
{
  ConcordPositionsView *self = CONCORD_POSITIONS_VIEW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (concord_positions_view_parent_class)->dispose (object);
}

static void
concord_positions_view_finalize (GObject *object)
{
  ConcordPositionsView *self = CONCORD_POSITIONS_VIEW (object);

  g_clear_pointer (&self->c, concord_case_unref);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->shown_rounds, g_array_unref);
  g_clear_pointer (&self->chart_rounds, g_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->gap_text, g_free);

  G_OBJECT_CLASS (concord_positions_view_parent_class)->finalize (object);
}

static void
concord_positions_view_class_init (ConcordPositionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = concord_positions_view_dispose;
  object_class->finalize = concord_positions_view_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "positionsview");
}

static void
concord_positions_view_init (ConcordPositionsView *self)
{
  GtkWidget *frame;

  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_session_unref);
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) concord_position_free);
  self->shown_rounds = g_array_new (FALSE, FALSE, sizeof (guint));
  self->chart_rounds = g_array_new (FALSE, FALSE, sizeof (guint));
  self->series = g_ptr_array_new_with_free_func ((GDestroyNotify) series_free);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->empty_label = gtk_label_new (_("No demands or offers have been recorded yet."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->empty_label), 0);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->empty_label);

  self->content_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_visible (self->content_box, FALSE);
  gtk_box_append (GTK_BOX (self->box), self->content_box);

  /* The chart and its legend, in a card. */
  self->chart_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (self->chart_box, "card");
  gtk_widget_add_css_class (self->chart_box, "positions-chart");
  gtk_box_append (GTK_BOX (self->content_box), self->chart_box);

  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), CHART_HEIGHT);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_widget_set_margin_top (self->chart, 12);
  gtk_widget_set_margin_start (self->chart, 12);
  gtk_widget_set_margin_end (self->chart, 12);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), chart_draw_cb, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the demands and offers over the rounds"),
                                  -1);
  gtk_box_append (GTK_BOX (self->chart_box), self->chart);

  self->legend = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->legend), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->legend), FALSE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->legend), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->legend), 18);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->legend), 4);
  gtk_widget_set_can_focus (self->legend, FALSE);
  gtk_widget_set_focusable (self->legend, FALSE);
  gtk_widget_set_margin_start (self->legend, 12);
  gtk_widget_set_margin_end (self->legend, 12);
  gtk_widget_set_margin_bottom (self->legend, 10);
  gtk_box_append (GTK_BOX (self->chart_box), self->legend);

  /* The table, in a card. */
  frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (frame, "card");
  gtk_box_append (GTK_BOX (self->content_box), frame);
  self->table = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->table), 18);
  gtk_grid_set_row_spacing (GTK_GRID (self->table), 8);
  gtk_widget_set_margin_top (self->table, 12);
  gtk_widget_set_margin_bottom (self->table, 12);
  gtk_widget_set_margin_start (self->table, 14);
  gtk_widget_set_margin_end (self->table, 14);
  gtk_widget_add_css_class (self->table, "positions-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Table of the demands and offers"),
                                  -1);
  gtk_box_append (GTK_BOX (frame), self->table);

  self->gap_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->gap_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->gap_label), TRUE);
  gtk_widget_add_css_class (self->gap_label, "heading");
  gtk_widget_add_css_class (self->gap_label, "positions-gap");
  gtk_widget_set_visible (self->gap_label, FALSE);
  gtk_box_append (GTK_BOX (self->content_box), self->gap_label);

  self->hidden_label = gtk_label_new (_("The demands and offers of back-to-back sessions are hidden while the screen is turned to the parties."));
  gtk_label_set_xalign (GTK_LABEL (self->hidden_label), 0);
  gtk_label_set_wrap (GTK_LABEL (self->hidden_label), TRUE);
  gtk_widget_add_css_class (self->hidden_label, "dim-label");
  gtk_widget_add_css_class (self->hidden_label, "caption");
  gtk_widget_set_visible (self->hidden_label, FALSE);
  gtk_box_append (GTK_BOX (self->content_box), self->hidden_label);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self, 0);
}

GtkWidget *
concord_positions_view_new (void)
{
  return g_object_new (CONCORD_TYPE_POSITIONS_VIEW, NULL);
}

void
concord_positions_view_set_positions (ConcordPositionsView *self,
                                      const ConcordCase    *c,
                                      GPtrArray            *sessions,
                                      GPtrArray            *positions,
                                      gboolean              privacy)
{
  guint n_hidden = 0;

  g_return_if_fail (CONCORD_IS_POSITIONS_VIEW (self));
  g_return_if_fail (c != NULL);
  g_return_if_fail (sessions != NULL);
  g_return_if_fail (positions != NULL);

  if (self->c == NULL || c == NULL || self->c->id != c->id)
    self->all_rows = FALSE;
  g_clear_pointer (&self->c, concord_case_unref);
  self->c = concord_case_copy (c);
  g_ptr_array_set_size (self->sessions, 0);
  for (guint i = 0; i < sessions->len; i++)
    g_ptr_array_add (self->sessions, concord_session_copy (g_ptr_array_index (sessions, i)));

  g_ptr_array_set_size (self->shown, 0);
  g_array_set_size (self->shown_rounds, 0);
  for (guint i = 0; i < positions->len; i++)
    {
      const ConcordPosition *position = g_ptr_array_index (positions, i);
      const ConcordSession *session;
      guint round;

      session = find_session (self, position->session_id, &round);
      /* A position of an unknown session cannot be placed in a round,
       * nor shown to be safe in privacy mode. */
      if (session == NULL)
        {
          g_debug ("Position %" G_GINT64_FORMAT " of unknown session %" G_GINT64_FORMAT " left out",
                   position->id, position->session_id);
          n_hidden++;
          continue;
        }
      if (!concord_privacy_shows_session_content (session, privacy))
        {
          n_hidden++;
          continue;
        }
      g_ptr_array_add (self->shown, position_copy (position));
      g_array_append_val (self->shown_rounds, round);
    }

  rebuild (self, positions->len, privacy ? n_hidden : 0);
}

const char *
concord_positions_view_get_gap_text (ConcordPositionsView *self)
{
  g_return_val_if_fail (CONCORD_IS_POSITIONS_VIEW (self), NULL);
  return self->gap_text;
}

guint
concord_positions_view_get_n_rows (ConcordPositionsView *self)
{
  g_return_val_if_fail (CONCORD_IS_POSITIONS_VIEW (self), 0);
  return self->shown->len;
}

void
concord_positions_view_show_in_group (ConcordPositionsView *self,
                                      AdwPreferencesGroup  *group,
                                      const ConcordCase    *c,
                                      GPtrArray            *sessions,
                                      GPtrArray            *positions,
                                      gboolean              privacy)
{
  guint n = positions != NULL ? positions->len : 0;
  guint hidden = 0;

  g_return_if_fail (CONCORD_IS_POSITIONS_VIEW (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  gtk_widget_set_visible (GTK_WIDGET (group), n > 0);
  adw_preferences_group_set_description (group, NULL);
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      const ConcordPosition *p = g_ptr_array_index (positions, i);

      for (guint k = 0; sessions != NULL && k < sessions->len; k++)
        {
          const ConcordSession *s = g_ptr_array_index (sessions, k);

          if (s->id == p->session_id)
            {
              if (!concord_privacy_shows_session_content (s, privacy))
                hidden++;
              break;
            }
        }
    }
  concord_positions_view_set_positions (self, c, sessions, positions, privacy);
  gtk_widget_set_visible (GTK_WIDGET (self), hidden < n);
  if (hidden > 0)
    adw_preferences_group_set_description (group, _("Positions taken back-to-back are hidden in privacy mode."));
}
