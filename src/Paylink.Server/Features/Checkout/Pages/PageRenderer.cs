using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components.Web;

namespace Paylink.Server.Features.Checkout.Pages;

/// <summary>
/// Makes the renderers payment pages are rendered with. The page components take everything from their
/// view model and inject nothing, so a renderer gets a service provider of its own, built once, holding
/// only logging and the app's HTML encoder (which writes non-ASCII text as it is): on the request's
/// services, each new renderer resolved the Razor components' scoped services (persistent-state and form
/// suppliers, found by reflection over the app's assemblies) anew.
/// </summary>
public sealed class PageRenderer(ILoggerFactory loggers, HtmlEncoder encoder) : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSingleton(loggers).AddSingleton(encoder).BuildServiceProvider();

    public HtmlRenderer Create() => new(_services, loggers);

    public void Dispose() => _services.Dispose();
}
