package dev.switchboard.app.console.templates;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.geometry.Bounds;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A RichTextFX code area for one part of a template, kept in step with a view-model property: placeholders coloured
 * by whether the chosen list can fill them, malformed braces and (for SMS) characters that force UCS-2 marked, and a
 * completion list of variables after {@code {{}.
 */
final class TemplateEditor {
    private static final int MAX_SUGGESTIONS = 12;

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> node = new VirtualizedScrollPane<>(area);
    private final ObservableValue<Set<String>> known;
    private final ObservableBooleanValue sms;
    private final ObservableList<String> variables;
    private final Popup popup = new Popup();
    private final ListView<String> suggestions = new ListView<>();
    private boolean syncing;

    /**
     * @param text      the view-model property the area edits
     * @param known     variables the list supplies (lower case), or null without a list
     * @param sms       whether to mark UCS-2 characters
     * @param variables what to offer after {@code {{}
     */
    TemplateEditor(String id, StringProperty text, ObservableValue<Set<String>> known, ObservableBooleanValue sms,
                   ObservableList<String> variables, ObservableBooleanValue editable) {
        this.known = known;
        this.sms = sms;
        this.variables = variables;
        area.setId(id);
        area.getStyleClass().add("template-code");
        area.setWrapText(true);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.editableProperty().bind(editable);
        area.replaceText(text.get() == null ? "" : text.get());
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((obs, was, now) -> {
            highlight();
            if (!syncing) {
                syncing = true;
                text.set(now);
                syncing = false;
                suggest();
            }
        });
        text.addListener((obs, was, now) -> {
            if (!syncing) {
                syncing = true;
                area.replaceText(now == null ? "" : now);
                area.getUndoManager().forgetHistory();
                area.moveTo(0);
                syncing = false;
            }
        });
        known.addListener((obs, was, now) -> highlight());
        sms.addListener((obs, was, now) -> highlight());
        area.caretPositionProperty().addListener((obs, was, now) -> {
            if (popup.isShowing()) {
                suggest();
            }
        });
        area.focusedProperty().addListener((obs, was, now) -> {
            if (!now && !suggestions.isFocused()) {
                popup.hide();
            }
        });

        suggestions.getStyleClass().add("template-suggestions");
        suggestions.setPrefWidth(260);
        suggestions.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                accept();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                popup.hide();
                e.consume();
            }
        });
        suggestions.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                accept();
            }
        });
        popup.getContent().add(suggestions);
        popup.setAutoHide(true);
        highlight();
    }

    /** The node to put in a layout. */
    VirtualizedScrollPane<CodeArea> node() {
        return node;
    }

    CodeArea area() {
        return area;
    }

    /** Selects {@code [start, end)} and shows it. */
    void reveal(int start, int end) {
        int length = area.getLength();
        area.requestFocus();
        area.selectRange(Math.min(start, length), Math.min(end, length));
        area.requestFollowCaret();
    }

    /** Whether the completion list is showing (tests). */
    boolean suggesting() {
        return popup.isShowing();
    }

    List<String> suggestionsShown() {
        return List.copyOf(suggestions.getItems());
    }

    private void highlight() {
        String text = area.getText();
        List<TemplateText.Span> spans = TemplateText.spans(text, known.getValue(), sms.get());
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int pos = 0;
        for (TemplateText.Span s : spans) {
            b.add(Collections.emptyList(), s.start() - pos);
            b.add(List.of(styleClass(s.kind())), s.end() - s.start());
            pos = s.end();
        }
        b.add(Collections.emptyList(), text.length() - pos);
        StyleSpans<Collection<String>> styles = b.create();
        area.setStyleSpans(0, styles);
    }

    private static String styleClass(TemplateText.Kind kind) {
        return switch (kind) {
            case KNOWN -> "var-known";
            case UNKNOWN -> "var-unknown";
            case VARIABLE -> "var";
            case MALFORMED -> "var-malformed";
            case UCS2 -> "ucs2";
        };
    }

    private void suggest() {
        String prefix = area.isEditable() ? TemplateText.completionPrefix(area.getText(), area.getCaretPosition())
                : null;
        if (prefix == null) {
            popup.hide();
            return;
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        List<String> matches = variables.stream().filter(v -> v.toLowerCase(Locale.ROOT).startsWith(p))
                .limit(MAX_SUGGESTIONS).toList();
        if (matches.isEmpty()) {
            popup.hide();
            return;
        }
        suggestions.getItems().setAll(matches);
        suggestions.getSelectionModel().selectFirst();
        suggestions.setPrefHeight(Math.min(matches.size(), 8) * 26 + 4);
        Bounds caret = area.getCaretBounds().orElse(null);
        if (caret != null && area.getScene() != null) {
            popup.show(area, caret.getMinX(), caret.getMaxY() + 2);
        }
    }

    private void accept() {
        String choice = suggestions.getSelectionModel().getSelectedItem();
        popup.hide();
        if (choice == null) {
            return;
        }
        int caret = area.getCaretPosition();
        String prefix = TemplateText.completionPrefix(area.getText(), caret);
        if (prefix == null) {
            return;
        }
        boolean closed = area.getText().startsWith("}}", caret);
        area.replaceText(caret - prefix.length(), caret, choice + (closed ? "" : "}}"));
        area.requestFocus();
    }
}
