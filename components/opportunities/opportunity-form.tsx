"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import type { z } from "zod";
import type { ActionResult } from "@/lib/http";
import {
  changedValues,
  createOpportunityBody,
  isFormField,
  OPEN_STAGES,
  requestBody,
  requiredMessage,
  updateOpportunityBody,
  type OpportunityFormValues,
} from "@/lib/opportunities/browser";
import { Button } from "@/components/ui/button";
import { CurrencyField } from "@/components/ui/currency-field";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { SelectField } from "@/components/ui/select-field";
import { TextAreaField } from "@/components/ui/text-area-field";
import { STAGE_LABEL } from "./stage-meta";

type Option = { id: string; name: string };

type OpportunityFormProps = {
  defaultValues: OpportunityFormValues;
  clients: Option[];
  /** Offered to supervisors and admins; a rep's deals are always their own. */
  owners: Option[];
  /** Absent when creating. */
  existing?: { id: string; version: number };
  /** The server action that saves: every value when creating, only the changed ones when editing. */
  save: (values: Partial<OpportunityFormValues>) => Promise<ActionResult>;
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

export function OpportunityForm({ defaultValues, clients, owners, existing, save }: OpportunityFormProps) {
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
    for (const [field, message] of Object.entries(result.errors)) {
      if (isFormField(field)) {
        setError(field, { type: "server", message }, { shouldFocus: !focused });
        focused = true;
      } else other.push(message);
    }
    setFormError([result.message, ...other].filter(Boolean).join(" ") || undefined);
  }

  const submit = handleSubmit((values) => {
    setFormError(undefined);
    startTransition(async () => {
      const result = await save(existing ? changedValues(values, dirtyFields) : values);
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
      <FormError message={formError} />
      <Field id="opp-name" label="Name" autoComplete="off" maxLength={200} error={errors.name?.message} {...register("name")} />
      <SelectField
        id="opp-client"
        label="Client"
        error={errors.client_id?.message}
        options={[{ value: "", label: "Choose a client…" }, ...clients.map((c) => ({ value: c.id, label: c.name }))]}
        {...register("client_id")}
      />
      <div className="grid gap-4 sm:grid-cols-[1fr_8rem]">
        <Field
          id="opp-value"
          label="Estimated value"
          inputMode="decimal"
          autoComplete="off"
          placeholder="0.00"
          hint="Up to two decimals, e.g. 12500.50"
          error={errors.estimated_value?.message}
          {...register("estimated_value")}
        />
        <CurrencyField
          id="opp-currency"
          label="Currency"
          className="uppercase"
          error={errors.currency?.message}
          {...register("currency")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="opp-stage"
          label="Stage"
          error={errors.stage?.message}
          options={OPEN_STAGES.map((stage) => ({ value: stage, label: STAGE_LABEL[stage] }))}
          {...register("stage")}
        />
        <Field
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
        <Field
          id="opp-close-date"
          label="Expected close date"
          type="date"
          error={errors.expected_close_date?.message}
          {...register("expected_close_date")}
        />
        {owners.length > 0 ? (
          <SelectField
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
      <TextAreaField
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
