/* concord-signature-pad.c
 *
 * The pad is a sheet of paper CONCORD_SIGNATURE_PAD_WIDTH ×
 * CONCORD_SIGNATURE_PAD_HEIGHT units, scaled to fit the widget and
 * centred (letterboxed), so a signature keeps its shape whatever the
 * window's size. Points are kept in those units, with the pressure and
 * the time since the first point of the signature.
 *
 * Two gestures feed it. GtkGestureStylus sees only events that carry a
 * device tool (a pen): it reads the pressure and the backlog of points
 * GTK coalesced between two motion events. GtkGestureDrag sees the
 * mouse and touch, and the pen too: it leaves any event that carries a
 * tool, and anything while the pen is down, to the stylus gesture, so a
 * pen stroke is recorded once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-signature-pad"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "concord-signature-pad.h"

/* The pressure of devices that do not report one. */
#define DEFAULT_PRESSURE 0.5
/* Line width in pad units at pressure 0 and the width added at 1. */
#define INK_MIN_WIDTH    1.2
#define INK_PRESSURE_ADD 3.6
/* The baseline, from the top of the pad. */
#define BASELINE_Y       (CONCORD_SIGNATURE_PAD_HEIGHT * 0.74)

struct _ConcordSignaturePad
{
  GtkWidget   parent_instance;

  GPtrArray  *strokes;      /* of GArray of ConcordInkPoint */
  GArray     *current;      /* the stroke being drawn (last of strokes), or NULL */
  gboolean    have_origin;  /* first_ms is the time of the first point */
  guint32     first_ms;
  guint32     last_t;       /* the time of the latest point, from first_ms */
  gboolean    stylus_down;  /* a pen stroke is going on */
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ConcordSignaturePad, concord_signature_pad, GTK_TYPE_WIDGET)

/* Helpers */

/* Where the pad lies in a widget of @width × @height: its scale (widget
 * pixels per pad unit) and its top left corner. */
static void
pad_geometry (double  width,
              double  height,
              double *scale,
              double *x0,
              double *y0)
{
  double s = MIN (width / CONCORD_SIGNATURE_PAD_WIDTH, height / CONCORD_SIGNATURE_PAD_HEIGHT);

  if (!(s > 0))
    s = 1;
  *scale = s;
  *x0 = (width - CONCORD_SIGNATURE_PAD_WIDTH * s) / 2;
  *y0 = (height - CONCORD_SIGNATURE_PAD_HEIGHT * s) / 2;
}

static double
ink_width (double pressure)
{
  return INK_MIN_WIDTH + INK_PRESSURE_ADD * CLAMP (pressure, 0, 1);
}

/* A widget point as a pad point, inside the pad. */
static void
to_pad (ConcordSignaturePad *self,
        double               x,
        double               y,
        float               *px,
        float               *py)
{
  double scale, x0, y0;

  pad_geometry (gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)),
                &scale, &x0, &y0);
  *px = CLAMP ((x - x0) / scale, 0, CONCORD_SIGNATURE_PAD_WIDTH);
  *py = CLAMP ((y - y0) / scale, 0, CONCORD_SIGNATURE_PAD_HEIGHT);
}

static void
append_point (ConcordSignaturePad *self,
              double               x,
              double               y,
              double               pressure,
              guint32              time_ms)
{
  ConcordInkPoint point;
  guint32 t;

  g_assert (self->current != NULL);

  if (!self->have_origin)
    {
      self->have_origin = TRUE;
      self->first_ms = time_ms;
      self->last_t = 0;
    }
  /* Times never go back within a signature (the store refuses that): an
   * event stamped earlier than the last, or before the first, keeps the
   * last time. */
  t = time_ms >= self->first_ms ? time_ms - self->first_ms : self->last_t;
  t = MAX (t, self->last_t);
  self->last_t = t;

  to_pad (self, x, y, &point.x, &point.y);
  point.pressure = isfinite (pressure) ? CLAMP (pressure, 0, 1) : DEFAULT_PRESSURE;
  point.t = t;

  /* The same place twice adds nothing to the stroke. */
  if (self->current->len > 0)
    {
      ConcordInkPoint *last = &g_array_index (self->current, ConcordInkPoint, self->current->len - 1);

      if (last->x == point.x && last->y == point.y)
        {
          last->pressure = MAX (last->pressure, point.pressure);
          last->t = point.t;
          return;
        }
    }
  g_array_append_val (self->current, point);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (ConcordSignaturePad *self)
{
  g_autofree char *description = NULL;

  if (self->strokes->len == 0)
    /* Translators: read by screen readers: nothing is written on the signature pad */
    description = g_strdup (C_("signature pad", "Empty"));
  else
    /* Translators: read by screen readers: how many strokes are written on the signature pad */
    description = g_strdup_printf (ngettext ("%u stroke written", "%u strokes written", self->strokes->len),
                                   self->strokes->len);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
emit_changed (ConcordSignaturePad *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* The time of the gesture's current event, in milliseconds. */
static guint32
gesture_time (GtkGesture *gesture)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (gesture, sequence);

  return event != NULL ? gdk_event_get_time (event) : (guint32) (g_get_monotonic_time () / 1000);
}

/* Whether the gesture's current event comes from a pen. */
static gboolean
gesture_has_tool (GtkGesture *gesture)
{
  GdkEventSequence *sequence = gtk_gesture_single_get_current_sequence (GTK_GESTURE_SINGLE (gesture));
  GdkEvent *event = gtk_gesture_get_last_event (gesture, sequence);

  return event != NULL && gdk_event_get_device_tool (event) != NULL;
}

/* Draws @strokes (pad units) into @cr, already scaled to pad units. */
static void
draw_strokes (cairo_t   *cr,
              GPtrArray *strokes)
{
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (strokes, i);

      if (stroke->len == 1)
        {
          const ConcordInkPoint *p = &g_array_index (stroke, ConcordInkPoint, 0);

          cairo_arc (cr, p->x, p->y, ink_width (p->pressure) / 2, 0, 2 * G_PI);
          cairo_fill (cr);
          continue;
        }
      /* One segment at a time: the width follows the pressure along the
       * stroke; round caps join them. */
      for (guint j = 1; j < stroke->len; j++)
        {
          const ConcordInkPoint *a = &g_array_index (stroke, ConcordInkPoint, j - 1);
          const ConcordInkPoint *b = &g_array_index (stroke, ConcordInkPoint, j);

          cairo_set_line_width (cr, ink_width ((a->pressure + b->pressure) / 2));
          cairo_move_to (cr, a->x, a->y);
          cairo_line_to (cr, b->x, b->y);
          cairo_stroke (cr);
        }
    }
}

/* Gestures */

static void
stylus_down_cb (GtkGestureStylus    *gesture,
                double               x,
                double               y,
                ConcordSignaturePad *self)
{
  double pressure = DEFAULT_PRESSURE;

  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    pressure = DEFAULT_PRESSURE;
  self->stylus_down = TRUE;
  concord_signature_pad_begin_stroke (self, x, y, pressure, gesture_time (GTK_GESTURE (gesture)));
}

static void
stylus_motion_cb (GtkGestureStylus    *gesture,
                  double               x,
                  double               y,
                  ConcordSignaturePad *self)
{
  g_autofree GdkTimeCoord *backlog = NULL;
  guint n = 0;
  double pressure = DEFAULT_PRESSURE;

  if (!self->stylus_down || self->current == NULL)
    return;
  /* What GTK coalesced since the last motion, oldest first. */
  if (gtk_gesture_stylus_get_backlog (gesture, &backlog, &n))
    for (guint i = 0; i < n; i++)
      {
        const GdkTimeCoord *c = &backlog[i];
        double p = (c->flags & GDK_AXIS_FLAG_PRESSURE) ? c->axes[GDK_AXIS_PRESSURE] : DEFAULT_PRESSURE;

        if ((c->flags & (GDK_AXIS_FLAG_X | GDK_AXIS_FLAG_Y)) != (GDK_AXIS_FLAG_X | GDK_AXIS_FLAG_Y))
          continue;
        append_point (self, c->axes[GDK_AXIS_X], c->axes[GDK_AXIS_Y], p, c->time);
      }
  if (!gtk_gesture_stylus_get_axis (gesture, GDK_AXIS_PRESSURE, &pressure))
    pressure = DEFAULT_PRESSURE;
  concord_signature_pad_add_point (self, x, y, pressure, gesture_time (GTK_GESTURE (gesture)));
}

static void
stylus_up_cb (GtkGestureStylus    *gesture,
              double               x,
              double               y,
              ConcordSignaturePad *self)
{
  if (!self->stylus_down)
    return;
  self->stylus_down = FALSE;
  /* The pen lifts where it last moved: its pressure here is 0. */
  concord_signature_pad_end_stroke (self);
}

static void
drag_begin_cb (GtkGestureDrag      *gesture,
               double               x,
               double               y,
               ConcordSignaturePad *self)
{
  /* The pen is the stylus gesture's. */
  if (self->stylus_down || gesture_has_tool (GTK_GESTURE (gesture)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  concord_signature_pad_begin_stroke (self, x, y, DEFAULT_PRESSURE, gesture_time (GTK_GESTURE (gesture)));
}

static void
drag_update_cb (GtkGestureDrag      *gesture,
                double               dx,
                double               dy,
                ConcordSignaturePad *self)
{
  double x, y;

  if (self->stylus_down || self->current == NULL || gesture_has_tool (GTK_GESTURE (gesture)))
    return;
  if (!gtk_gesture_drag_get_start_point (gesture, &x, &y))
    return;
  concord_signature_pad_add_point (self, x + dx, y + dy, DEFAULT_PRESSURE, gesture_time (GTK_GESTURE (gesture)));
}

static void
drag_end_cb (GtkGestureDrag      *gesture,
             double               dx,
             double               dy,
             ConcordSignaturePad *self)
{
  if (self->stylus_down || self->current == NULL)
    return;
  concord_signature_pad_end_stroke (self);
}

static void
drag_cancel_cb (GtkGesture          *gesture,
                GdkEventSequence    *sequence,
                ConcordSignaturePad *self)
{
  if (!self->stylus_down && self->current != NULL)
    concord_signature_pad_end_stroke (self);
}

/* Overrides */

static void
concord_signature_pad_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  ConcordSignaturePad *self = CONCORD_SIGNATURE_PAD (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double scale, x0, y0;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  pad_geometry (width, height, &scale, &x0, &y0);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  /* Paper stays white in the dark style: it is what is printed. */
  cairo_rectangle (cr, x0, y0, CONCORD_SIGNATURE_PAD_WIDTH * scale, CONCORD_SIGNATURE_PAD_HEIGHT * scale);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_save (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);

  /* The baseline and a cross where the name begins. */
  cairo_set_source_rgba (cr, 0.2, 0.25, 0.35, 0.30);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, 40, BASELINE_Y);
  cairo_line_to (cr, CONCORD_SIGNATURE_PAD_WIDTH - 40, BASELINE_Y);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 1.6);
  cairo_move_to (cr, 44, BASELINE_Y - 18);
  cairo_line_to (cr, 56, BASELINE_Y - 6);
  cairo_move_to (cr, 56, BASELINE_Y - 18);
  cairo_line_to (cr, 44, BASELINE_Y - 6);
  cairo_stroke (cr);

  /* Blue-black ink. */
  cairo_set_source_rgb (cr, 0.06, 0.09, 0.22);
  draw_strokes (cr, self->strokes);
  cairo_restore (cr);

  if (self->strokes->len == 0)
    {
      g_autoptr(PangoLayout) layout =
        /* Translators: a hint on the empty signature pad, e.g. 请在此处签名 */
        gtk_widget_create_pango_layout (widget, _("Sign here"));
      int lw, lh;

      pango_layout_get_pixel_size (layout, &lw, &lh);
      cairo_set_source_rgba (cr, 0.2, 0.25, 0.35, 0.45);
      cairo_move_to (cr, x0 + (CONCORD_SIGNATURE_PAD_WIDTH * scale - lw) / 2,
                     y0 + BASELINE_Y * scale + 10);
      pango_cairo_show_layout (cr, layout);
    }
  cairo_destroy (cr);
}

static void
concord_signature_pad_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = CONCORD_SIGNATURE_PAD_WIDTH / 2;
      *natural = CONCORD_SIGNATURE_PAD_WIDTH;
    }
  else
    {
      *minimum = CONCORD_SIGNATURE_PAD_HEIGHT / 2;
      *natural = CONCORD_SIGNATURE_PAD_HEIGHT;
    }
}

static void
concord_signature_pad_finalize (GObject *object)
{
  ConcordSignaturePad *self = CONCORD_SIGNATURE_PAD (object);

  g_clear_pointer (&self->strokes, g_ptr_array_unref);

  G_OBJECT_CLASS (concord_signature_pad_parent_class)->finalize (object);
}

static void
concord_signature_pad_class_init (ConcordSignaturePadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = concord_signature_pad_finalize;
  widget_class->snapshot = concord_signature_pad_snapshot;
  widget_class->measure = concord_signature_pad_measure;

  /**
   * ConcordSignaturePad::changed:
   *
   * A stroke was finished, undone or cleared.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "signaturepad");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
concord_signature_pad_init (ConcordSignaturePad *self)
{
  GtkGesture *stylus, *drag;

  self->strokes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  stylus = gtk_gesture_stylus_new ();
  g_signal_connect (stylus, "down", G_CALLBACK (stylus_down_cb), self);
  g_signal_connect (stylus, "motion", G_CALLBACK (stylus_motion_cb), self);
  g_signal_connect (stylus, "up", G_CALLBACK (stylus_up_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (stylus));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  /* Translators: accessible name of the surface a signer writes on */
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Signature pad"),
                                  -1);
  update_accessible (self);
}

/* Public */

GtkWidget *
concord_signature_pad_new (void)
{
  return g_object_new (CONCORD_TYPE_SIGNATURE_PAD, NULL);
}

void
concord_signature_pad_clear (ConcordSignaturePad *self)
{
  g_return_if_fail (CONCORD_IS_SIGNATURE_PAD (self));

  g_ptr_array_set_size (self->strokes, 0);
  self->current = NULL;
  self->have_origin = FALSE;
  self->last_t = 0;
  emit_changed (self);
}

void
concord_signature_pad_undo (ConcordSignaturePad *self)
{
  g_return_if_fail (CONCORD_IS_SIGNATURE_PAD (self));

  if (self->strokes->len == 0)
    return;
  g_ptr_array_set_size (self->strokes, self->strokes->len - 1);
  self->current = NULL;
  if (self->strokes->len == 0)
    {
      self->have_origin = FALSE;
      self->last_t = 0;
    }
  emit_changed (self);
}

gboolean
concord_signature_pad_is_empty (ConcordSignaturePad *self)
{
  g_return_val_if_fail (CONCORD_IS_SIGNATURE_PAD (self), TRUE);

  return self->strokes->len == 0;
}

guint
concord_signature_pad_count_strokes (ConcordSignaturePad *self)
{
  g_return_val_if_fail (CONCORD_IS_SIGNATURE_PAD (self), 0);

  return self->strokes->len;
}

ConcordSignature *
concord_signature_pad_dup_signature (ConcordSignaturePad *self)
{
  ConcordSignature *signature;

  g_return_val_if_fail (CONCORD_IS_SIGNATURE_PAD (self), NULL);

  signature = concord_signature_new (CONCORD_SIGNATURE_METHOD_PAD);
  for (guint i = 0; i < self->strokes->len; i++)
    {
      GArray *stroke = g_ptr_array_index (self->strokes, i);
      GArray *copy = concord_signature_add_stroke (signature);

      g_array_append_vals (copy, stroke->data, stroke->len);
    }
  return signature;
}

void
concord_signature_pad_begin_stroke (ConcordSignaturePad *self,
                                    double               x,
                                    double               y,
                                    double               pressure,
                                    guint32              time_ms)
{
  g_return_if_fail (CONCORD_IS_SIGNATURE_PAD (self));

  /* A stroke left open (a gesture cancelled without end) ends here. */
  if (self->current != NULL)
    concord_signature_pad_end_stroke (self);
  self->current = g_array_new (FALSE, FALSE, sizeof (ConcordInkPoint));
  g_ptr_array_add (self->strokes, self->current);
  append_point (self, x, y, pressure, time_ms);
}

void
concord_signature_pad_add_point (ConcordSignaturePad *self,
                                 double               x,
                                 double               y,
                                 double               pressure,
                                 guint32              time_ms)
{
  g_return_if_fail (CONCORD_IS_SIGNATURE_PAD (self));

  if (self->current == NULL)
    return;
  append_point (self, x, y, pressure, time_ms);
}

void
concord_signature_pad_end_stroke (ConcordSignaturePad *self)
{
  g_return_if_fail (CONCORD_IS_SIGNATURE_PAD (self));

  if (self->current == NULL)
    return;
  self->current = NULL;
  emit_changed (self);
}
