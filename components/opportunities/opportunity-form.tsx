"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { OPEN_STAGES } from "@/lib/opportunities/rules";
import { createOpportunityBody, updateOpportunityBody } from "@/lib/opportunities/schemas";
import { createOpportunityAction, updateOpportunityAction, type ActionResult } from "@/app/(app)/opportunities/actions";
import { Button } from "@/components/ui/button";
import { SelectControl, TextAreaControl, TextControl } from "./form-controls";
import { changedValues, isFormField, requestBody, requiredMessage, type OpportunityFormValues } from "@/lib/opportunities/browser";
import { STAGE_LABEL } from "./stage-meta";

type Option = { id: string; name: string };

type OpportunityFormProps = {
  defaultValues: OpportunityFormValues;
  clients: Option[];
  /** Offered to supervisors and admins; a rep's deals are always their own. */
  owners: Option[];
  /** Absent when creating. */
  existing?: { id: string; version: number };
};

/**
 * The API's own zod schema validates in the browser (the same one the server action and the route handler use),
 * applied to the body the form would send; a required field left empty reads "is required".
 */
function schemaResolver(schema: z.ZodType, mode: "create" | "update"): Resolver<OpportunityFormValues> {
  const validate = zodResolver(schema as z.ZodType<unknown, Record<string, unknown>>);
  return async (values, context, options) => {
    const result = await validate(requestBody(values, mode), context, options as never);
    const errors = result.errors as FieldErrors<OpportunityFormValues>;
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    for (const [field, error] of Object.entries(errors)) {
      if (error && typeof error.message === "string") error.message = requiredMessage(field, error.message, values);
    }
    return { values: {}, errors };
  };
}

export function OpportunityForm({ defaultValues, clients, owners, existing }: OpportunityFormProps) {
  const mode = existing ? "update" : "create";
  const [resolver] = useState(() => schemaResolver(existing ? updateOpportunityBody : createOpportunityBody, mode));
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, dirtyFields },
  } = useForm<OpportunityFormValues>({ resolver, defaultValues, mode: "onTouched" });
  const [formError, setFormError] = useState<string>();
  const [pending, startTransition] = useTransition();

  function showRefusal(result: ActionResult | undefined) {
    if (!result || result.ok) return;
    let focused = false;
    const other: string[] = [];
    for (const error of result.errors) {
      if (isFormField(error.field)) {
        setError(error.field, { type: "server", message: error.message }, { shouldFocus: !focused });
        focused = true;
      } else other.push(error.message);
    }
    setFormError([result.message, ...other].filter(Boolean).join(" ") || undefined);
  }

  const submit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = existing
        ? await updateOpportunityAction(existing.id, existing.version, changedValues(values, dirtyFields))
        : await createOpportunityAction(values);
      showRefusal(result);
    });
  });

  const cancelHref = existing ? `/opportunities/${existing.id}` : "/opportunities";
  return (
    <form
      onSubmit={submit}
      noValidate
      className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
      aria-describedby={formError ? "form-error" : undefined}
    >
      {formError ? (
        <p id="form-error" role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {formError}
        </p>
      ) : null}
      <TextControl id="opp-name" label="Name" autoComplete="off" maxLength={200} error={errors.name?.message} {...register("name")} />
      <SelectControl
        id="opp-client"
        label="Client"
        error={errors.client_id?.message}
        options={[{ value: "", label: "Choose a client…" }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
        {...register("client_id")}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <TextControl
          id="opp-value"
          label="Estimated value"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          hint="Up to two decimals, e.g. 12500.50"
          error={errors.estimated_value?.message}
          {...register("estimated_value")}
        />
        <TextControl
          id="opp-currency"
          label="Currency"
          maxLength={3}
          autoComplete="off"
          className="uppercase"
          error={errors.currency?.message}
          {...register("currency")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectControl
          id="opp-stage"
          label="Stage"
          error={errors.stage?.message}
          options={OPEN_STAGES.map((stage) => ({ value: stage, label: STAGE_LABEL[stage] }))}
          {...register("stage")}
        />
        <TextControl
          id="opp-probability"
          label="Probability (%)"
          inputMode="decimal"
          autoComplete="off"
          placeholder={existing ? undefined : "Stage default"}
          hint={existing ? "0 to 100" : "0 to 100; leave empty for the stage's default"}
          error={errors.probability?.message}
          {...register("probability")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextControl
          id="opp-close-date"
          label="Expected close date"
          type="date"
          error={errors.expected_close_date?.message}
          {...register("expected_close_date")}
        />
        {owners.length > 0 ? (
          <SelectControl
            id="opp-owner"
            label="Owner"
            error={errors.assigned_to?.message}
            options={owners.map((u) => ({ value: u.id, label: u.name }))}
            {...register("assigned_to")}
          />
        ) : null}
      </div>
      {owners.length === 0 && errors.assigned_to?.message ? (
        <p role="alert" className="text-sm text-red-600">
          {errors.assigned_to.message}
        </p>
      ) : null}
      <TextAreaControl
        id="opp-description"
        label="Description"
        rows={4}
        maxLength={10_000}
        error={errors.description?.message}
        {...register("description")}
      />
      <div className="flex flex-wrap justify-end gap-2">
        <Link
          href={cancelHref}
          className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-600 hover:bg-slate-100"
        >
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : existing ? "Save changes" : "Create opportunity"}
        </Button>
      </div>
    </form>
  );
}
