using Microsoft.AspNetCore.Http;

namespace ConformanceKit.TestSupport.Loopback;

/// <summary>Answers one request received by the loopback API server.</summary>
public delegate Task LoopbackHandler(HttpContext context);
