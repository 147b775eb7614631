using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Paylink.Browser.Tests;

/// <summary>Every entry a test server logs from the moment it is first asked for, with its level and exception.</summary>
public static class ServerLog
{
    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    private static readonly ConditionalWeakTable<CheckoutServer, ConcurrentQueue<Entry>> Kept = new();

    public static ConcurrentQueue<Entry> Of(CheckoutServer server) => Kept.GetValue(server, s =>
    {
        var entries = new ConcurrentQueue<Entry>();
        s.Services.GetRequiredService<ILoggerFactory>().AddProvider(new Provider(entries));
        return entries;
    });

    private sealed class Provider(ConcurrentQueue<Entry> entries) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(string category, ConcurrentQueue<Entry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
