package org.weightscope.storage;

import java.nio.file.Path;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Takes the embedded server's {@link DataFolderLock} before any other bean exists: a second instance on a folder
 * in use must stop with the message naming the first, before it opens anything the first holds (the scheduler's
 * H2 file in the same data folder would otherwise fail first, with a less helpful message). With an external
 * cluster there is nothing to guard.
 */
final class DataFolderGuard implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private Environment environment;
    private DataFolderLock lock;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        Binder binder = Binder.get(environment);
        List<String> uris = binder.bind("weightscope.elasticsearch.uris", Bindable.listOf(String.class))
                .orElse(List.of());
        if (uris.stream().anyMatch(u -> !u.isBlank())) {
            return;
        }
        Path dataDir = binder.bind("weightscope.elasticsearch.embedded.data-dir", Path.class)
                .orElseGet(() ->
                        ElasticsearchConfiguration.StorageDefaults.dataDir(EmbeddedElasticsearch.runningAsRoot()));
        lock = DataFolderLock.acquire(dataDir);
    }

    /** The lock taken for {@code dataDir}, handed over once (then the server owns and releases it). */
    synchronized DataFolderLock take(Path dataDir) {
        if (lock == null || !lock.path().getParent().equals(dataDir)) {
            return null;
        }
        DataFolderLock taken = lock;
        lock = null;
        return taken;
    }

    @Override
    public synchronized void destroy() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
