import { MercatorCoordinate, type CustomLayerInterface, type CustomRenderMethodInput, type Map as MaplibreMap } from 'maplibre-gl';

/** A unit moving along a path: `times[i]` is when it passes `path[i]` (days, any origin). */
export interface MovingUnit {
  path: ReadonlyArray<readonly [number, number]>;
  times: readonly number[];
  /** #rrggbb */
  color: string;
  /** How it travels; sets the dash pattern of its trail (see MOVEMENT_DASH). */
  mode: 'sea' | 'air' | 'land';
}

const MODE_CODE = { land: 0, sea: 1, air: 2 } as const;

const VERTEX = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform float u_time;
uniform vec2 u_viewport;
uniform float u_radius;
in vec2 a_corner;        // quad corner, -1..1
in vec2 a_from;          // mercator 0..1
in vec2 a_to;
in vec2 a_times;         // when the unit is at a_from and at a_to
in vec3 a_color;
out vec2 v_corner;
out vec3 v_color;
void main() {
  v_corner = a_corner;
  v_color = a_color;
  float span = a_times.y - a_times.x;
  if (u_time < a_times.x || u_time >= a_times.y || span <= 0.0) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0); // outside clip space: not on this segment now
    return;
  }
  vec2 pos = mix(a_from, a_to, (u_time - a_times.x) / span);
  vec4 clip = u_matrix * vec4(pos, 0.0, 1.0);
  clip.xy += a_corner * (u_radius + 1.5) * 2.0 / u_viewport * clip.w;
  gl_Position = clip;
}`;

// The part of a leg travelled so far: each segment is drawn from its start to where the unit is
// (or to its end once passed), as a screen-space quad `u_width` px wide, dashed by mode along the
// whole route (sea: long dashes, air: dots, land: solid), and stays drawn once the leg is over.
const TRAIL_VERTEX = `#version 300 es
precision highp float;
uniform mat4 u_matrix;
uniform float u_time;
uniform vec2 u_viewport;
uniform float u_width;
in vec2 a_corner;        // x: 0 at the segment start, 1 at its head; y: -1..1 across
in vec2 a_from;
in vec2 a_to;
in vec2 a_times;
in vec3 a_color;
in vec2 a_route;         // x: route length (mercator) before this segment; y: mode code
uniform float u_world;   // pixels per mercator unit at this zoom
out vec3 v_color;
out float v_px;          // distance along the route, in pixels, for the dash pattern
flat out float v_mode;
void main() {
  v_color = a_color;
  v_mode = a_route.y;
  if (u_time < a_times.x) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  float f = clamp((u_time - a_times.x) / max(a_times.y - a_times.x, 1e-9), 0.0, 1.0);
  vec4 c0 = u_matrix * vec4(a_from, 0.0, 1.0);
  vec4 c1 = u_matrix * vec4(mix(a_from, a_to, f), 0.0, 1.0);
  vec2 s0 = c0.xy / c0.w * u_viewport * 0.5;
  vec2 s1 = c1.xy / c1.w * u_viewport * 0.5;
  vec2 d = s1 - s0;
  float len = length(d);
  vec2 n = len > 0.0 ? vec2(-d.y, d.x) / len : vec2(0.0);
  vec2 s = mix(s0, s1, a_corner.x) + n * a_corner.y * u_width * 0.5;
  v_px = (a_route.x + length(a_to - a_from) * f * a_corner.x) * u_world;
  gl_Position = vec4(s / (u_viewport * 0.5), 0.0, 1.0);
}`;

const TRAIL_FRAGMENT = `#version 300 es
precision highp float;
uniform float u_width;
in vec3 v_color;
in float v_px;
flat in float v_mode;
out vec4 fragColor;
void main() {
  // Dash lengths in line widths, as MapLibre's line-dasharray (MOVEMENT_DASH): sea 2.5/1.2, air 0.6/1.6.
  if (v_mode > 0.5) {
    vec2 dash = v_mode > 1.5 ? vec2(0.6, 1.6) : vec2(2.5, 1.2);
    float period = (dash.x + dash.y) * u_width;
    if (mod(v_px, period) > dash.x * u_width) discard;
  }
  fragColor = vec4(v_color, 1.0);
}`;

const FRAGMENT = `#version 300 es
precision highp float;
uniform float u_radius;
in vec2 v_corner;
in vec3 v_color;
out vec4 fragColor;
void main() {
  float r = length(v_corner) * (u_radius + 1.5);
  if (r > u_radius + 1.0) discard;
  // A filled disc in the unit's colour with a dark ring, like the troop markers.
  vec3 ring = vec3(0.114, 0.137, 0.165);
  float edge = smoothstep(u_radius - 2.5, u_radius - 1.5, r);
  float alpha = 1.0 - smoothstep(u_radius, u_radius + 1.0, r);
  fragColor = vec4(mix(v_color, ring, edge) * alpha, alpha);
}`;

function hexToRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

/**
 * Units moving along their routes, with the trail of the part travelled, positioned on the GPU from one time value per frame (the way
 * deck.gl's TripsLayer works): every route segment of every unit is an instance carrying its two
 * end points and the times the unit passes them; the vertex shader shows the instance only while
 * the time falls in that window and interpolates the position. Changing the time costs one
 * uniform, not a `setData` of every point, so 10,000 units move at the empty map's frame rate.
 */
export class MovingUnitsLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MaplibreMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private trailProgram: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private trailVao: WebGLVertexArrayObject | null = null;
  private buffers: WebGLBuffer[] = [];
  private instances = new Float32Array(0);
  private count = 0;
  private dirty = true;
  private time = 0;
  private origin = 0;
  private visible = true;

  constructor(
    readonly id: string,
    private radius = 7,
  ) {}

  /** Replaces the units. Times are stored relative to the first one, keeping float32 precise. */
  setUnits(units: readonly MovingUnit[]): void {
    const per = 11; // from.xy, to.xy, times.xy, color.rgb, route.xy (length before, mode)
    const segments = units.reduce((n, u) => n + Math.max(0, u.path.length - 1), 0);
    const data = new Float32Array(segments * per);
    this.origin = units.length ? Math.min(...units.map((u) => u.times[0] ?? 0)) : 0;
    let o = 0;
    for (const u of units) {
      const rgb = hexToRgb(u.color);
      const merc = u.path.map((p) => MercatorCoordinate.fromLngLat([p[0], p[1]]));
      let before = 0;
      for (let i = 1; i < merc.length; i++) {
        const a = merc[i - 1]!;
        const b = merc[i]!;
        data.set([a.x, a.y, b.x, b.y, u.times[i - 1]! - this.origin, u.times[i]! - this.origin, ...rgb, before, MODE_CODE[u.mode]], o);
        before += Math.hypot(b.x - a.x, b.y - a.y);
        o += per;
      }
    }
    this.instances = data;
    this.count = segments;
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  /** Sets the time (days, same origin as the units' times) and redraws. */
  setTime(t: number): void {
    if (t === this.time) return;
    this.time = t;
    this.map?.triggerRepaint();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.map?.triggerRepaint();
  }

  onAdd(map: MaplibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    const compile = (type: number, src: string) => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`moving units shader: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const link = (vs: string, fs: string) => {
      const program = gl.createProgram()!;
      gl.attachShader(program, compile(gl.VERTEX_SHADER, vs));
      gl.attachShader(program, compile(gl.FRAGMENT_SHADER, fs));
      gl.linkProgram(program);
      if (!gl.getProgramParameter(program, gl.LINK_STATUS)) throw new Error(`moving units program: ${gl.getProgramInfoLog(program)}`);
      return program;
    };
    this.program = link(VERTEX, FRAGMENT);
    this.trailProgram = link(TRAIL_VERTEX, TRAIL_FRAGMENT);
    this.dirty = true;
  }

  private upload(gl: WebGL2RenderingContext, program: WebGLProgram, trailProgram: WebGLProgram): void {
    for (const b of this.buffers) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    if (this.trailVao) gl.deleteVertexArray(this.trailVao);
    const inst = gl.createBuffer()!;
    gl.bindBuffer(gl.ARRAY_BUFFER, inst);
    gl.bufferData(gl.ARRAY_BUFFER, this.instances, gl.STATIC_DRAW);
    const makeVao = (p: WebGLProgram, corners: number[]) => {
      const vao = gl.createVertexArray()!;
      gl.bindVertexArray(vao);
      const cornerBuffer = gl.createBuffer()!;
      gl.bindBuffer(gl.ARRAY_BUFFER, cornerBuffer);
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array(corners), gl.STATIC_DRAW);
      const corner = gl.getAttribLocation(p, 'a_corner');
      gl.enableVertexAttribArray(corner);
      gl.vertexAttribPointer(corner, 2, gl.FLOAT, false, 0, 0);
      gl.bindBuffer(gl.ARRAY_BUFFER, inst);
      const stride = 11 * 4;
      for (const [name, size, offset] of [
        ['a_from', 2, 0],
        ['a_to', 2, 2],
        ['a_times', 2, 4],
        ['a_color', 3, 6],
        ['a_route', 2, 9],
      ] as const) {
        const loc = gl.getAttribLocation(p, name);
        if (loc < 0) continue; // the unit shader does not use a_route
        gl.enableVertexAttribArray(loc);
        gl.vertexAttribPointer(loc, size, gl.FLOAT, false, stride, offset * 4);
        gl.vertexAttribDivisor(loc, 1);
      }
      gl.bindVertexArray(null);
      this.buffers.push(cornerBuffer);
      return vao;
    };
    this.buffers = [inst];
    this.vao = makeVao(program, [-1, -1, 1, -1, -1, 1, 1, 1]);
    this.trailVao = makeVao(trailProgram, [0, -1, 1, -1, 0, 1, 1, 1]);
    this.dirty = false;
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, options: CustomRenderMethodInput): void {
    const gl2 = gl as WebGL2RenderingContext;
    if (!this.program || !this.trailProgram || this.count === 0 || !this.visible) return;
    if (this.dirty) this.upload(gl2, this.program, this.trailProgram);
    const ratio = this.map?.getPixelRatio() ?? 1;
    gl2.enable(gl2.BLEND);
    gl2.blendFunc(gl2.ONE, gl2.ONE_MINUS_SRC_ALPHA);
    // Trails first, units on top.
    gl2.useProgram(this.trailProgram);
    gl2.uniformMatrix4fv(gl2.getUniformLocation(this.trailProgram, 'u_matrix'), false, options.defaultProjectionData.mainMatrix as Float32Array);
    gl2.uniform1f(gl2.getUniformLocation(this.trailProgram, 'u_time'), this.time - this.origin);
    gl2.uniform2f(gl2.getUniformLocation(this.trailProgram, 'u_viewport'), gl2.drawingBufferWidth, gl2.drawingBufferHeight);
    gl2.uniform1f(gl2.getUniformLocation(this.trailProgram, 'u_width'), 3 * ratio);
    gl2.uniform1f(gl2.getUniformLocation(this.trailProgram, 'u_world'), 512 * Math.pow(2, this.map?.getZoom() ?? 0) * ratio);
    gl2.bindVertexArray(this.trailVao);
    gl2.drawArraysInstanced(gl2.TRIANGLE_STRIP, 0, 4, this.count);
    gl2.useProgram(this.program);
    gl2.uniformMatrix4fv(gl2.getUniformLocation(this.program, 'u_matrix'), false, options.defaultProjectionData.mainMatrix as Float32Array);
    gl2.uniform1f(gl2.getUniformLocation(this.program, 'u_time'), this.time - this.origin);
    gl2.uniform2f(gl2.getUniformLocation(this.program, 'u_viewport'), gl2.drawingBufferWidth, gl2.drawingBufferHeight);
    gl2.uniform1f(gl2.getUniformLocation(this.program, 'u_radius'), this.radius * ratio);
    gl2.bindVertexArray(this.vao);
    gl2.drawArraysInstanced(gl2.TRIANGLE_STRIP, 0, 4, this.count);
    gl2.bindVertexArray(null);
  }

  onRemove(_map: MaplibreMap, gl: WebGL2RenderingContext): void {
    for (const b of this.buffers) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    if (this.trailVao) gl.deleteVertexArray(this.trailVao);
    if (this.program) gl.deleteProgram(this.program);
    if (this.trailProgram) gl.deleteProgram(this.trailProgram);
    this.buffers = [];
    this.vao = null;
    this.trailVao = null;
    this.program = null;
    this.trailProgram = null;
    this.map = null;
  }
}
