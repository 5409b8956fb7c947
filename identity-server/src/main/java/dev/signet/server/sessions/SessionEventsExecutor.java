package dev.signet.server.sessions;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Gives Spring Session's Redis listener container one long-lived thread for its keyspace events. Left alone, the
 * container hands every message to a new thread, and with the keyspace notifications Spring Session switches on
 * every deletion of any key in the database is such a message: the authorization store deletes several per token
 * grant, so a refresh grant started four threads. Not an {@code Executor} bean, so Boot's own task executor stays.
 */
final class SessionEventsExecutor implements BeanPostProcessor, DisposableBean {

    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

    SessionEventsExecutor() {
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("session-events-");
        executor.setDaemon(true);
        executor.initialize();
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof RedisMessageListenerContainer container) {
            container.setTaskExecutor(executor);
        }
        return bean;
    }

    @Override
    public void destroy() {
        executor.shutdown();
    }
}
