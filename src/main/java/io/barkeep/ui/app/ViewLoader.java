package io.barkeep.ui.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads {@code XxxView.fxml} from the resource package that mirrors its controller, with the app's text
 * bundle and a controller factory, so controllers get their dependencies through the constructor.
 */
public final class ViewLoader {
    public static final String BUNDLE = "io.barkeep.ui.messages";

    private final Map<Class<?>, Supplier<Object>> controllers;

    public ViewLoader(Map<Class<?>, Supplier<Object>> controllers) {
        this.controllers = controllers;
    }

    /** The text bundle every view uses. */
    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE);
    }

    /**
     * The texts of {@code controllerType}'s view: its package's own {@code messages.properties} when there is
     * one (each view keeps its texts beside its FXML), falling back to the app's shared bundle.
     */
    public static ResourceBundle bundle(Class<?> controllerType) {
        ResourceBundle shared = bundle();
        ResourceBundle own;
        try {
            own = ResourceBundle.getBundle(controllerType.getPackageName() + ".messages");
        } catch (java.util.MissingResourceException e) {
            return shared;
        }
        return new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return own.containsKey(key) ? own.getObject(key) : shared.containsKey(key) ? shared.getObject(key)
                        : null;
            }

            @Override
            public java.util.Enumeration<String> getKeys() {
                java.util.Set<String> keys = new java.util.TreeSet<>(own.keySet());
                keys.addAll(shared.keySet());
                return java.util.Collections.enumeration(keys);
            }
        };
    }

    /** Loads the view of {@code controllerType} (FXML named after it: FooController -> FooView.fxml). */
    public Parent load(Class<?> controllerType) {
        String name = controllerType.getSimpleName().replaceFirst("Controller$", "View") + ".fxml";
        String path = "/" + controllerType.getPackageName().replace('.', '/') + "/" + name;
        FXMLLoader loader = new FXMLLoader(controllerType.getResource(path), bundle(controllerType));
        loader.setControllerFactory(type -> {
            Supplier<Object> make = controllers.get(type);
            if (make == null) {
                throw new IllegalStateException("no controller factory for " + type.getName());
            }
            return make.get();
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + path, e);
        }
    }
}
