package dev.signet.admin.connectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.connector.ConnectorType;
import dev.signet.connector.Setting;
import java.util.List;

/** A connector type and the settings it accepts, as the type describes itself. */
public record ConnectorTypeView(String name, String description, List<SettingView> settings) {

    static ConnectorTypeView of(ConnectorType type) {
        return new ConnectorTypeView(type.name(), type.description(),
                type.schema().settings().stream().map(SettingView::of).toList());
    }

    /** One setting; a group stands for {@code name.<anything>}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SettingView(String name, String kind, boolean required, @JsonProperty("default") String defaultValue,
            List<String> choices, boolean group, String description) {

        static SettingView of(Setting setting) {
            return new SettingView(setting.name(), setting.kind().name(), setting.required(),
                    setting.defaultValue().orElse(null), setting.choices(), setting.group(), setting.description());
        }
    }
}
