"""``/v1/tenants/{tenant_id}/numbers``: add, list, get, update, remove."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Response, status

from switchboard_control_plane.http.deps import TenantAccess, tenant_access
from switchboard_control_plane.http.docs import tenant_errors
from switchboard_control_plane.numbers import service
from switchboard_control_plane.numbers.models import PhoneNumber
from switchboard_control_plane.numbers.schemas import (
    NumberCreate,
    NumberList,
    NumberOut,
    NumberUpdate,
)

router = APIRouter(prefix="/v1/tenants/{tenant_id}/numbers", tags=["numbers"])
Reader = Annotated[TenantAccess, Depends(tenant_access("numbers.read"))]
Writer = Annotated[TenantAccess, Depends(tenant_access("numbers.write"))]


def number_out(number: PhoneNumber) -> NumberOut:
    return NumberOut.model_validate(number, from_attributes=True)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="add_number",
    responses=tenant_errors(409),
)
async def add_number(body: NumberCreate, access: Writer) -> NumberOut:
    """Adds a number (unique across the platform: 409 ``number_taken``)."""
    return number_out(await service.add_number(access, body))


@router.get("", operation_id="list_numbers", responses=tenant_errors())
async def list_numbers(access: Reader) -> NumberList:
    return NumberList(items=[number_out(n) for n in await service.list_numbers(access)])


@router.get("/{number_id}", operation_id="get_number", responses=tenant_errors())
async def get_number(number_id: str, access: Reader) -> NumberOut:
    return number_out(await service.get_number(access, number_id))


@router.patch("/{number_id}", operation_id="update_number", responses=tenant_errors())
async def update_number(number_id: str, body: NumberUpdate, access: Writer) -> NumberOut:
    """Routes the number to another agent, or changes its carrier or label."""
    return number_out(await service.update_number(access, number_id, body))


@router.delete(
    "/{number_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="remove_number",
    responses=tenant_errors(),
)
async def remove_number(number_id: str, access: Writer) -> Response:
    """Removes the number; the runtime stops routing it."""
    await service.remove_number(access, number_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
