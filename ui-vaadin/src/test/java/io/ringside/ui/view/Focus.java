package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.dom.Element;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the server moved the keyboard. Vaadin sends {@code focus()} (and a text selection) as JavaScript for the
 * browser to run; Karibu hands the calls of each simulated round trip to its handlers, and this one keeps them.
 * {@link #start()} in a {@code @BeforeEach}, {@link #stop()} in an {@code @AfterEach}.
 */
final class Focus {

    record Call(String elementId, String expression) {
    }

    private static final List<Call> CALLS = new ArrayList<>();
    private static List<Function1<PendingJavaScriptInvocation, Unit>> before;

    private Focus() {
    }

    static void start() {
        before = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = new ArrayList<>(before);
        handlers.add(invocation -> {
            CALLS.add(call(invocation));
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        CALLS.clear();
    }

    static void stop() {
        if (before != null) {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(before);
            before = null;
        }
        CALLS.clear();
    }

    /** The calls since the last {@link #take()} (sent in a round trip, or still waiting), and forgets them. */
    static List<Call> take() {
        // Calls are queued to run just before the response; run them as a response would.
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().forEach(invocation -> CALLS.add(call(invocation)));
        List<Call> taken = List.copyOf(CALLS);
        CALLS.clear();
        return taken;
    }

    /** The id of the element focused last since the last {@link #take()}, or null when nothing was. */
    static String focusedId() {
        String id = null;
        for (Call call : take()) {
            if (call.expression().contains(".focus(")) {
                id = call.elementId();
            }
        }
        return id;
    }

    /** Whether, since the last {@link #take()}, the element with this id was focused last and all its text selected. */
    static boolean focusedWithAllSelected(String id) {
        List<Call> calls = take();
        String focused = null;
        boolean selected = false;
        for (Call call : calls) {
            if (call.expression().contains(".focus(")) {
                focused = call.elementId();
                selected = false;
            }
            if (call.expression().contains(".select()") && id.equals(call.elementId())) {
                selected = true;
            }
        }
        return id.equals(focused) && selected;
    }

    private static Call call(PendingJavaScriptInvocation invocation) {
        return new Call(Element.get(invocation.getOwner()).getAttribute("id"), invocation.getInvocation().getExpression());
    }
}
