"""Dutch pages for warm hand-overs: the receiving coach accepts or declines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from ontschot import errors
from ontschot.access.actor import Actor
from ontschot.access.deps import requires
from ontschot.cases import handovers, labels, page_data
from ontschot.cases.trajectories.schemas import HandoverAcceptance, HandoverDecline
from ontschot.cases.trajectories.views import handover_read
from ontschot.deps import DbSession, SubmittedForm
from ontschot.people.forms import text
from ontschot.web.templating import render

router = APIRouter(include_in_schema=False)
BASE = {"handover_names": labels.HANDOVER_STATUS_NAMES}


@router.get("/overdrachten", response_class=HTMLResponse)
def handover_list(
    request: Request,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.read"))],
) -> HTMLResponse:
    found = handovers.list_handovers(db, actor=actor, status=None)
    rows = [handover_read(db, h) for h in found]
    return render(
        request,
        "cases/handovers.html",
        {
            **BASE,
            "about": page_data.handover_subjects(db, found),
            "incoming": [h for h in rows if h.to_user.id == actor.user_id],
            "others": [h for h in rows if h.to_user.id != actor.user_id],
            "can_decide": actor.can("handover.decide"),
            "message": request.query_params.get("melding", ""),
            "errors": {},
        },
    )


@router.post("/overdrachten/{handover_id}/aanvaarden", response_class=HTMLResponse)
def accept(
    request: Request,
    handover_id: int,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.decide"))],
) -> Response:
    data = HandoverAcceptance(sender_keeps_access=text(form, "sender_keeps_access") == "ja")
    try:
        handover = handovers.accept_handover(db, actor=actor, handover_id=handover_id, data=data)
    except errors.Conflict as exc:
        return render(
            request, "cases/refused.html",
            {"problems": [("", exc.detail)], "back": "/overdrachten"}, status=409,
        )  # fmt: skip
    return RedirectResponse(
        f"/trajecten/{handover.trajectory_id}?melding=overgenomen", status_code=303
    )


@router.post("/overdrachten/{handover_id}/afwijzen", response_class=HTMLResponse)
def decline(
    request: Request,
    handover_id: int,
    form: SubmittedForm,
    db: DbSession,
    actor: Annotated[Actor, Depends(requires("handover.decide"))],
) -> Response:
    try:
        data = HandoverDecline.model_validate({"reason": text(form, "reason")})
        handovers.decline_handover(db, actor=actor, handover_id=handover_id, data=data)
    except ValidationError:
        problems = [("Reden", "Schrijf kort waarom u de overdracht afwijst.")]
        return render(
            request, "cases/refused.html", {"problems": problems, "back": "/overdrachten"},
            status=400,
        )  # fmt: skip
    except errors.Conflict as exc:
        return render(
            request, "cases/refused.html",
            {"problems": [("", exc.detail)], "back": "/overdrachten"}, status=409,
        )  # fmt: skip
    return RedirectResponse("/overdrachten?melding=afgewezen", status_code=303)
