/* concord-stage.c — the path of a case as a state machine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "concord-stage"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "concord-error.h"
#include "concord-stage.h"

#define R  CONCORD_STAGE_RECEIVED
#define A  CONCORD_STAGE_ACCEPTED
#define BB CONCORD_STAGE_BACK_TO_BACK
#define FF CONCORD_STAGE_FACE_TO_FACE
#define D  CONCORD_STAGE_DRAFTING
#define RV CONCORD_STAGE_REVIEW
#define S  CONCORD_STAGE_SIGNING
#define FU CONCORD_STAGE_FOLLOW_UP
#define C  CONCORD_STAGE_CLOSED
#define NA CONCORD_STAGE_NOT_ACCEPTED
#define F  CONCORD_STAGE_FAILED
#define W  CONCORD_STAGE_WITHDRAWN

/* The moves out of each stage, the next step of the path first. */
static const ConcordStage from_received[] = { A, NA, W };
static const ConcordStage from_accepted[] = { BB, FF, F, W };
static const ConcordStage from_back_to_back[] = { FF, D, F, W };
static const ConcordStage from_face_to_face[] = { BB, D, F, W };
static const ConcordStage from_drafting[] = { RV, S, BB, FF, F, W };
static const ConcordStage from_review[] = { S, D, W };
static const ConcordStage from_signing[] = { FU, D };
static const ConcordStage from_follow_up[] = { C };
static const ConcordStage from_ended[] = { C };

static const struct
{
  const ConcordStage *moves;
  guint               n;
} moves[CONCORD_N_STAGES] = {
  [R] = { from_received, G_N_ELEMENTS (from_received) },
  [A] = { from_accepted, G_N_ELEMENTS (from_accepted) },
  [BB] = { from_back_to_back, G_N_ELEMENTS (from_back_to_back) },
  [FF] = { from_face_to_face, G_N_ELEMENTS (from_face_to_face) },
  [D] = { from_drafting, G_N_ELEMENTS (from_drafting) },
  [RV] = { from_review, G_N_ELEMENTS (from_review) },
  [S] = { from_signing, G_N_ELEMENTS (from_signing) },
  [FU] = { from_follow_up, G_N_ELEMENTS (from_follow_up) },
  [C] = { NULL, 0 },
  [NA] = { from_ended, G_N_ELEMENTS (from_ended) },
  [F] = { from_ended, G_N_ELEMENTS (from_ended) },
  [W] = { from_ended, G_N_ELEMENTS (from_ended) },
};

static gboolean
valid_stage (int stage)
{
  return stage >= 0 && stage < CONCORD_N_STAGES;
}

const ConcordStage *
concord_stage_next_moves (ConcordStage from,
                          guint       *n)
{
  g_return_val_if_fail (n != NULL, NULL);

  *n = 0;
  g_return_val_if_fail (valid_stage (from), NULL);

  *n = moves[from].n;
  return moves[from].moves;
}

gboolean
concord_stage_can_move (ConcordStage from,
                        ConcordStage to)
{
  if (!valid_stage (from) || !valid_stage (to))
    return FALSE;
  for (guint i = 0; i < moves[from].n; i++)
    if (moves[from].moves[i] == to)
      return TRUE;
  return FALSE;
}

gboolean
concord_stage_move_needs_reason (ConcordStage from,
                                 ConcordStage to)
{
  return to == NA || to == F || to == W || ((from == RV || from == S) && to == D);
}

/* Why @to cannot follow @from, in the mediator's words. */
static void
set_illegal_error (ConcordStage from,
                   ConcordStage to,
                   GError     **error)
{
  const char *message;

  if (from == to)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("The case is already at the stage “%s”."), concord_stage_label (from));
      return;
    }
  if (from == C)
    message = _("This case is closed: its stage can no longer change.");
  else if (from == NA || from == F || from == W)
    {
      g_set_error (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                   _("This case has ended (“%s”): it can only be closed now."),
                   concord_stage_label (from));
      return;
    }
  else
    switch (to)
      {
      case R:
        message = _("A case cannot go back to being just received.");
        break;
      case A:
      case NA:
        message = _("A case is accepted or not accepted only once, just after it is received.");
        break;
      case BB:
      case FF:
        message = from == R
          ? _("Accept the case before holding sessions with the parties.")
          : _("Sessions with the parties can only be held after the case is accepted "
              "and before the agreement goes to legal review.");
        break;
      case D:
        message = from == R || from == A
          ? _("An agreement can only be drafted after at least one back-to-back or face-to-face session.")
          : _("An agreement that has gone past legal review cannot be drafted again.");
        break;
      case RV:
        message = _("Only a drafted agreement can go to legal review.");
        break;
      case S:
        message = _("An agreement can only be signed after the legal review.");
        break;
      case FU:
        message = _("The follow-up visit comes after the agreement is signed.");
        break;
      case C:
        message = _("A case can only be closed after the follow-up visit, "
                    "or after it failed, was withdrawn or not accepted.");
        break;
      case F:
        message = from == R
          ? _("A case that is not accepted yet cannot fail: accept it, or record that it is not accepted.")
          : _("Once the agreement is in legal review or signed, the mediation can no longer fail; "
              "the agreement can still be withdrawn before signing.");
        break;
      case W:
        message = _("A case can only be withdrawn before the agreement is signed.");
        break;
      default:
        message = _("This change of stage is not allowed.");
        break;
      }
  g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_STAGE, message);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
concord_stage_check_move (ConcordStage from,
                          ConcordStage to,
                          const char  *reason,
                          GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!valid_stage (from) || !valid_stage (to))
    {
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_STAGE,
                           _("This change of stage is not allowed."));
      return FALSE;
    }
  if (!concord_stage_can_move (from, to))
    {
      set_illegal_error (from, to, error);
      return FALSE;
    }
  if (concord_stage_move_needs_reason (from, to) && is_blank (reason))
    {
      const char *message;

      if (to == NA)
        message = _("Give the reason why the case is not accepted.");
      else if (to == F)
        message = _("Give the reason why the mediation failed.");
      else if (to == W)
        message = _("Give the reason why the case is withdrawn.");
      else if (from == S)
        message = _("Say what must change in the agreement before it is signed.");
      else
        message = _("Say what the legal review asks to change in the agreement.");
      g_set_error_literal (error, CONCORD_ERROR, CONCORD_ERROR_INVALID, message);
      return FALSE;
    }
  return TRUE;
}

void
concord_stage_move_free (ConcordStageMove *move)
{
  if (move == NULL)
    return;
  g_free (move->at);
  g_free (move->actor);
  g_free (move->reason);
  g_free (move);
}

G_STATIC_ASSERT (CONCORD_N_STAGES == 12);
