"use client";

import {
  type ComponentType,
  lazy,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";

import { loadSections, type LazySection } from "@/lib/i18n/lazy-sections";

// A form's code (react-hook-form, its resolver, the form itself: 15 to 30 kB
// gzipped) is loaded when someone starts to use it, not with the page.
//
// The server renders the form in full. In the browser the form stays as that
// HTML, not hydrated, until the pointer comes over it or a key, a focus or a tap
// reaches it; then its code loads and React hydrates it in place (the same DOM
// nodes). What happens meanwhile is kept:
// - values entered before hydration: react-hook-form resets some fields to their
//   defaults as it attaches and keeps its own copy of the others, so each value
//   the person entered is put back and announced to the form as an input event;
// - a submit (a button or Enter) is held and sent again once the form handles it;
//   it never reaches the browser's default, which would put the fields in the URL;
// - a click on another button is replayed.
// A form rendered in the browser (a client-side navigation) loads at once.
//
// `sections` are the catalogue sections the form's code translates with that the page does not
// send (lib/i18n/lazy-sections.ts): they load with the code, before the form renders or hydrates.
export function deferUntilUsed<P extends object>(
  load: () => Promise<ComponentType<P>>,
  sections: readonly LazySection[] = [],
): ComponentType<P> {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  if (typeof window === "undefined") release();
  const Lazy = lazy(async () => {
    await gate;
    const [component] = await Promise.all([load(), loadSections(sections)]);
    return { default: component };
  });

  function Deferred(props: P) {
    const container = useRef<HTMLDivElement>(null);
    const held = useRef<Held>({ values: new Map(), action: null, hydrated: false });
    const hydrating = useSyncExternalStore(noSubscription, isNotHydrating, isHydrating);
    const [startedInHtml] = useState(hydrating);
    // New props before hydration (a router refresh) would make React discard the
    // server's HTML for a boundary it cannot hydrate, so the code is fetched then.
    const [firstProps] = useState(props);
    if (!startedInHtml || props !== firstProps) release();

    useEffect(() => {
      const root = container.current;
      if (!root || held.current.hydrated) return;
      const state = held.current;
      // On the window, in the capture phase: React's own listener on the document
      // stops the propagation of events aimed at content it has not hydrated.
      const listen = (event: Event) => {
        const target = event.target;
        if (state.hydrated || !(target instanceof Node) || !root.contains(target)) return;
        release();
        if (event.type === "input" || event.type === "change") {
          // Kept in the order last changed: put back in that order after hydration.
          if (isField(target)) {
            state.values.delete(target);
            state.values.set(target, snapshot(target));
          }
        } else if (event.type === "submit" && target instanceof HTMLFormElement) {
          event.preventDefault();
          state.action = { form: target, submitter: (event as SubmitEvent).submitter };
        } else if (event.type === "click" && target instanceof Element) {
          const button = target.closest("button");
          if (button && button.type !== "submit" && root.contains(button)) {
            event.preventDefault();
            state.action = { button };
          }
        }
      };
      for (const type of EVENTS) window.addEventListener(type, listen, true);
      return () => {
        for (const type of EVENTS) window.removeEventListener(type, listen, true);
      };
    }, []);

    // The same element on the re-render that follows hydration, so React leaves
    // the boundary's server HTML alone while it waits for the code.
    const boundary = useMemo(
      () => (
        <Suspense>
          <Lazy {...props} />
          <Hydrated held={held} />
        </Suspense>
      ),
      [props],
    );
    return (
      <div ref={container} className="deferred">
        {boundary}
      </div>
    );
  }
  return Deferred;
}

type Value = { value: string } | { checked: boolean };
type Action =
  { form: HTMLFormElement; submitter: HTMLElement | null } | { button: HTMLButtonElement };
type Held = { values: Map<Field, Value>; action: Action | null; hydrated: boolean };
type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

// Rendered after the form inside the same boundary, so its effect runs once the form is hydrated,
// after the form's own effects: react-hook-form's refs have set each field to its default, and
// its watchers (useWatch subscribes in an effect) hear the values put back.
function Hydrated({ held }: { held: { current: Held } }) {
  useEffect(() => {
    const state = held.current;
    if (state.hydrated) return;
    state.hydrated = true;
    const values = [...state.values];
    state.values.clear();
    const action = state.action;
    state.action = null;
    let cancelled = false;
    // In the order the person did them, each in a task of its own: a field's handler may set
    // others (a fee's basis proposes its amount), and what the person entered after it must win.
    // Then the held action, once React has rendered what the values changed (a field shown for
    // a choice, a button's handler with the new state).
    const run = async () => {
      for (const [field, value] of values) {
        if (cancelled) return;
        if (field.isConnected) restore(field, value);
        await nextTask();
      }
      if (cancelled || !action) return;
      if ("button" in action) action.button.click();
      else if (action.form.isConnected) action.form.requestSubmit(submitterOf(action));
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [held]);
  return null;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function submitterOf(action: { form: HTMLFormElement; submitter: HTMLElement | null }) {
  const { submitter, form } = action;
  return submitter && submitter.isConnected && form.contains(submitter) ? submitter : undefined;
}

function isField(target: EventTarget | null): target is Field {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

function snapshot(field: Field): Value {
  if (field instanceof HTMLInputElement && (field.type === "checkbox" || field.type === "radio")) {
    return { checked: field.checked };
  }
  return { value: field.value };
}

// Puts a value back and has the form hear it, whether or not its code reset the field as it
// attached (react-hook-form resets some fields to their defaults and not others). React fires
// onChange only when the value differs from the one it last saw, so the field is first set,
// through React's own tracking, to something else, then to the value without it, and the event
// React listens to is fired.
function restore(field: Field, value: Value) {
  if ("checked" in value) {
    if (!(field instanceof HTMLInputElement)) return;
    if (field.checked === value.checked) field.checked = !value.checked;
    field.click();
    return;
  }
  field.value = value.value === "" ? " " : "";
  Reflect.set(Object.getPrototypeOf(field) as object, "value", value.value, field);
  field.dispatchEvent(
    new Event(field instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }),
  );
}

const EVENTS = [
  "pointerover",
  "pointerdown",
  "focusin",
  "keydown",
  "input",
  "change",
  "click",
  "submit",
];

const noSubscription = () => () => {};
const isNotHydrating = () => false;
const isHydrating = () => true;
