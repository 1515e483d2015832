import { MercatorCoordinate, type CustomLayerInterface, type CustomRenderMethodInput, type Map as MaplibreMap } from 'maplibre-gl';
import { detailLevel, FULL_DETAIL_LEVEL, levelTolerance, SEGMENT, simplifyLegs, type LegSegments } from './simplify-legs.ts';

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

/** Floats per vertex: corner.xy, then a segment (SEGMENT: from.xy, to.xy, times.xy, color.rgb, route.xy). */
const PER_VERTEX = 2 + SEGMENT;
/** A quad's four corners; drawn as two triangles through the shared index buffer (QUAD_INDICES). */
const UNIT_CORNERS = [-1, -1, 1, -1, -1, 1, 1, 1];
const TRAIL_CORNERS = [0, -1, 1, -1, 0, 1, 1, 1];
const QUAD_INDICES = [0, 1, 2, 2, 1, 3];

/** Writes segment `i` as a quad's four vertices (each: its corner, then the segment) at vertex `v`. */
function writeSegment(out: Float32Array<ArrayBuffer>, v: number, segments: Float32Array<ArrayBuffer>, i: number, corners: readonly number[]): void {
  const seg = segments.subarray(i * SEGMENT, (i + 1) * SEGMENT);
  let o = v * PER_VERTEX;
  for (let k = 0; k < 4; k++) {
    out[o] = corners[k * 2]!;
    out[o + 1] = corners[k * 2 + 1]!;
    out.set(seg, o + 2);
    o += PER_VERTEX;
  }
}

/** A Float32Array of at least `n` floats, reusing `a` when it is big enough (grows by doubling). */
function atLeast(a: Float32Array<ArrayBuffer>, n: number): Float32Array<ArrayBuffer> {
  if (a.length >= n) return a;
  return new Float32Array(Math.max(n, a.length * 2));
}

/**
 * Units moving along their routes, with the trail of the part travelled, positioned on the GPU
 * from one time value per frame (the way deck.gl's TripsLayer works): every route segment carries
 * its two end points and the times the unit passes them; the vertex shader shows a segment's unit
 * only while the time falls in that window and interpolates the position, and draws the trail up
 * to it. Changing the time costs one uniform, not a `setData` of every point.
 *
 * Indexed quads (4 vertices, 6 indices per segment), not instancing: software GL (SwiftShader,
 * what a laptop without a GPU driver gets) pays a set-up cost per instance even for instances the
 * shader discards, which cost a third of the frame for the Kursk scenario's 423 segments
 * (bench/RESULTS.md). Trails: the segments of legs under way (not yet begun ones collapse to
 * nothing); the units buffer holds only the segments a unit is on at some time of the day shown,
 * rebuilt when the day changes.
 * Legs already over are handed to the map's static route lines (setDoneDay), so what this layer
 * draws each frame is bounded by the legs under way, not by every leg that ever ran; and legs
 * along the same route share one trail (the leg furthest along draws it). Below zoom 5 the legs are
 * drawn simplified to half a pixel at the next whole zoom (simplify-legs.ts): what software GL
 * pays for is triangles, and at a small zoom most points of a densified route fall within a pixel.
 */
export class MovingUnitsLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MaplibreMap | null = null;
  private program: WebGLProgram | null = null;
  private trailProgram: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private trailVao: WebGLVertexArrayObject | null = null;
  private unitBuffer: WebGLBuffer | null = null;
  private trailBuffer: WebGLBuffer | null = null;
  /** Indices of quads 0..n as two triangles each, shared by both draws; grown by doubling. */
  private indexBuffer: WebGLBuffer | null = null;
  private indexQuads = 0;
  /** Every segment of the legs (sorted by start), as given. */
  private full: LegSegments = { segments: new Float32Array(0), legFirst: new Uint32Array(0), legCount: new Uint32Array(0) };
  /** The legs simplified for detail levels below FULL_DETAIL_LEVEL: the two used last. */
  private simplified = new Map<number, LegSegments>();
  /** The detail level the buffers were cut at. */
  private cutLevel = Number.NaN;
  private segmentCount = 0;
  /** Legs sorted by start (relative to `origin`): when each starts and ends. */
  private legStart = new Float64Array(0);
  private legEnd = new Float64Array(0);
  /** Per leg, its route (legs along the same path, same colour and mode share one). */
  private legRoute = new Uint32Array(0);
  /** Per route, when its first leg ends: from then the map draws it whole as a route line. */
  private routeFirstEnd = new Float64Array(0);
  private trailData: Float32Array<ArrayBuffer> = new Float32Array(0);
  private unitData: Float32Array<ArrayBuffer> = new Float32Array(0);
  /** Legs ending on or before this day (relative) are drawn by the map's route lines, not here. */
  private doneDay = Number.NEGATIVE_INFINITY;
  /** Quads (segments) in the units and trails buffers; each is 4 vertices and 6 indices. */
  private unitQuads = 0;
  /** Legs with a unit in the units buffer now: many units are drawn smaller (see render). */
  private unitsUnderWay = 0;
  private trailQuads = 0;
  /** The whole day (relative to `origin`) the units buffer was cut for; NaN: not cut yet. */
  private cutDay = Number.NaN;
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
    const count = units.reduce((n, u) => n + Math.max(0, u.path.length - 1), 0);
    const data = new Float32Array(count * SEGMENT);
    this.origin = units.length ? Math.min(...units.map((u) => u.times[0] ?? 0)) : 0;
    // Legs in order of their start, so the legs begun by a day are a prefix (binary search).
    const order = units.map((_, i) => i).filter((i) => units[i]!.path.length > 1);
    order.sort((a, b) => units[a]!.times[0]! - units[b]!.times[0]!);
    const n = order.length;
    const legStart = new Float64Array(n);
    const legEnd = new Float64Array(n);
    const legFirst = new Uint32Array(n);
    const legCount = new Uint32Array(n);
    const legRoute = new Uint32Array(n);
    const routes = new Map<string, number>();
    const firstEnd: number[] = [];
    let o = 0;
    order.forEach((ui, k) => {
      const u = units[ui]!;
      const rgb = hexToRgb(u.color);
      const mode = MODE_CODE[u.mode];
      legStart[k] = u.times[0]! - this.origin;
      legEnd[k] = u.times.at(-1)! - this.origin;
      legFirst[k] = o / SEGMENT;
      legCount[k] = u.path.length - 1;
      const key = `${u.color}|${u.mode}|${u.path.length}|${u.path[0]}|${u.path.at(-1)}`;
      let r = routes.get(key);
      if (r === undefined) routes.set(key, (r = firstEnd.push(Number.POSITIVE_INFINITY) - 1));
      legRoute[k] = r;
      firstEnd[r] = Math.min(firstEnd[r]!, legEnd[k]!);
      let prev = MercatorCoordinate.fromLngLat([u.path[0]![0], u.path[0]![1]]);
      let before = 0;
      for (let i = 1; i < u.path.length; i++) {
        const b = MercatorCoordinate.fromLngLat([u.path[i]![0], u.path[i]![1]]);
        data[o] = prev.x;
        data[o + 1] = prev.y;
        data[o + 2] = b.x;
        data[o + 3] = b.y;
        data[o + 4] = u.times[i - 1]! - this.origin;
        data[o + 5] = u.times[i]! - this.origin;
        data[o + 6] = rgb[0];
        data[o + 7] = rgb[1];
        data[o + 8] = rgb[2];
        data[o + 9] = before;
        data[o + 10] = mode;
        before += Math.hypot(b.x - prev.x, b.y - prev.y);
        prev = b;
        o += SEGMENT;
      }
    });
    this.full = { segments: data, legFirst, legCount };
    this.simplified.clear();
    this.segmentCount = count;
    Object.assign(this, { legStart, legEnd, legRoute, routeFirstEnd: Float64Array.from(firstEnd) });
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  /** Sets the time (days, same origin as the units' times) and redraws. */
  setTime(t: number): void {
    if (t === this.time) return;
    this.time = t;
    this.map?.triggerRepaint();
  }

  /**
   * The day (same origin as the units' times) up to which the map draws completed legs as route
   * lines: legs that ended by then are left out here. Called with the settled day when the map
   * view sets the routes' `done` state, so a leg passes from this layer to the map in one frame.
   */
  setDoneDay(day: number): void {
    const d = day - this.origin;
    if (d === this.doneDay) return;
    this.doneDay = d;
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    this.map?.triggerRepaint();
  }

  /** How many segments the units buffer holds now (for tests and benchmarks). */
  get unitSegments(): number {
    return this.unitQuads;
  }

  onAdd(map: MaplibreMap, gl: WebGL2RenderingContext): void {
    this.map = map;
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
    const makeVao = (p: WebGLProgram) => {
      const buffer = gl.createBuffer()!;
      const vao = gl.createVertexArray()!;
      gl.bindVertexArray(vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
      for (const [name, size, offset] of [
        ['a_corner', 2, 0],
        ['a_from', 2, 2],
        ['a_to', 2, 4],
        ['a_times', 2, 6],
        ['a_color', 3, 8],
        ['a_route', 2, 11],
      ] as const) {
        const loc = gl.getAttribLocation(p, name);
        if (loc < 0) continue; // the unit shader does not use a_route
        gl.enableVertexAttribArray(loc);
        gl.vertexAttribPointer(loc, size, gl.FLOAT, false, PER_VERTEX * 4, offset * 4);
      }
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indexBuffer); // part of the VAO's state
      gl.bindVertexArray(null);
      return { vao, buffer };
    };
    this.indexBuffer = gl.createBuffer()!;
    this.indexQuads = 0;
    ({ vao: this.vao, buffer: this.unitBuffer } = makeVao(this.program));
    ({ vao: this.trailVao, buffer: this.trailBuffer } = makeVao(this.trailProgram));
    this.dirty = true;
  }

  /**
   * The legs at a detail level: as given from FULL_DETAIL_LEVEL on, simplified below it (built on
   * first use, the two levels used last kept, so zooming back and forth across a whole zoom does
   * not simplify again).
   */
  private legsAt(level: number): LegSegments {
    if (level >= FULL_DETAIL_LEVEL) return this.full;
    let legs = this.simplified.get(level);
    if (legs) {
      this.simplified.delete(level); // re-inserted below: most recently used last
    } else {
      legs = simplifyLegs(this.full, levelTolerance(level));
    }
    this.simplified.set(level, legs);
    while (this.simplified.size > 2) this.simplified.delete(this.simplified.keys().next().value!);
    return legs;
  }

  /**
   * Rebuilds both buffers when the day or the done day changed (the time's whole day is the cut),
   * from the legs under way: begun by the end of the day (a prefix of the legs sorted by start) and
   * not yet handed to the map's route lines. Trails: each such leg's segments begun by then (the
   * shader draws each up to where its unit is); units: only the segments a unit is on at some time
   * of this day (each vertex of the units draw is processed every frame, and software GL pays per
   * triangle even for those it hides). Work and upload are proportional to the legs under way.
   */
  private upload(gl: WebGL2RenderingContext): void {
    const day = Math.floor(this.time - this.origin);
    const level = detailLevel(this.map?.getZoom() ?? FULL_DETAIL_LEVEL);
    if (!this.dirty && day === this.cutDay && level === this.cutLevel) return;
    const { legStart, legEnd, doneDay } = this;
    const { segments, legFirst, legCount } = this.legsAt(level);
    let begun = 0;
    let hi = legStart.length;
    while (begun < hi) {
      const mid = (begun + hi) >> 1;
      if (legStart[mid]! < day + 1) begun = mid + 1;
      else hi = mid;
    }
    // Trails: legs along the same route draw the same line, so one trail per route, the leg
    // furthest along (by the end of the day); none once the route is drawn whole by the map.
    const { legRoute, routeFirstEnd } = this;
    const leader = new Map<number, number>();
    const progress = (k: number) => (day + 1 - legStart[k]!) / Math.max(1e-9, legEnd[k]! - legStart[k]!);
    for (let k = 0; k < begun; k++) {
      const r = legRoute[k]!;
      if (legEnd[k]! <= doneDay || routeFirstEnd[r]! <= doneDay) continue;
      const best = leader.get(r);
      if (best === undefined || progress(k) > progress(best)) leader.set(r, k);
    }
    // Count first, then write into buffers reused from the last cut.
    let trails = 0;
    let units = 0;
    let legsWithUnits = 0;
    const visit = (fn: (i: number, trail: boolean, unit: boolean) => void) => {
      for (let k = 0; k < begun; k++) {
        if (legEnd[k]! <= doneDay) continue;
        if (legEnd[k]! > day) legsWithUnits++;
        const trail = leader.get(legRoute[k]!) === k;
        const first = legFirst[k]!;
        for (let i = first; i < first + legCount[k]!; i++) {
          if (segments[i * SEGMENT + 4]! >= day + 1) break; // not begun within the day: nor the rest of the leg
          // The unit is on this segment at some time of the day: [t0, t1) meets [day, day + 1).
          const unit = segments[i * SEGMENT + 5]! > day;
          if (trail || unit) fn(i, trail, unit);
        }
      }
    };
    visit((_, trail, unit) => {
      if (trail) trails++;
      if (unit) units++;
    });
    this.trailData = atLeast(this.trailData, trails * 4 * PER_VERTEX);
    this.unitData = atLeast(this.unitData, units * 4 * PER_VERTEX);
    let tv = 0;
    let uv = 0;
    visit((i, trail, unit) => {
      if (trail) {
        writeSegment(this.trailData, tv, segments, i, TRAIL_CORNERS);
        tv += 4;
      }
      if (unit) {
        writeSegment(this.unitData, uv, segments, i, UNIT_CORNERS);
        uv += 4;
      }
    });
    gl.bindBuffer(gl.ARRAY_BUFFER, this.trailBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, this.trailData.subarray(0, tv * PER_VERTEX), gl.DYNAMIC_DRAW);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.unitBuffer);
    gl.bufferData(gl.ARRAY_BUFFER, this.unitData.subarray(0, uv * PER_VERTEX), gl.DYNAMIC_DRAW);
    this.ensureIndices(gl, Math.max(trails, units));
    this.trailQuads = trails;
    this.unitQuads = units;
    this.unitsUnderWay = legsWithUnits / 2; // visit() ran twice
    this.cutDay = day;
    this.cutLevel = level;
    this.dirty = false;
  }

  /**
   * Grows the shared index buffer to hold at least `quads` quads (0,1,2 2,1,3 per quad). With
   * indexed quads a segment is 4 vertices instead of 6, a third less to upload each day; the
   * drawing itself cost the same (bench/results/changes.md).
   */
  private ensureIndices(gl: WebGL2RenderingContext, quads: number): void {
    if (quads <= this.indexQuads) return;
    const n = Math.max(quads, this.indexQuads * 2, 1024);
    const indices = new Uint32Array(n * 6);
    for (let q = 0; q < n; q++) for (let k = 0; k < 6; k++) indices[q * 6 + k] = q * 4 + QUAD_INDICES[k]!;
    gl.bindVertexArray(null); // keep the VAOs' element bindings as they are
    gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, this.indexBuffer);
    gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices, gl.STATIC_DRAW);
    this.indexQuads = n;
  }

  render(gl: WebGL2RenderingContext | WebGLRenderingContext, options: CustomRenderMethodInput): void {
    const gl2 = gl as WebGL2RenderingContext;
    if (!this.program || !this.trailProgram || this.segmentCount === 0 || !this.visible) return;
    this.upload(gl2);
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
    if (this.trailQuads > 0) gl2.drawElements(gl2.TRIANGLES, this.trailQuads * 6, gl2.UNSIGNED_INT, 0);
    if (this.unitQuads > 0) {
      gl2.useProgram(this.program);
      gl2.uniformMatrix4fv(gl2.getUniformLocation(this.program, 'u_matrix'), false, options.defaultProjectionData.mainMatrix as Float32Array);
      gl2.uniform1f(gl2.getUniformLocation(this.program, 'u_time'), this.time - this.origin);
      gl2.uniform2f(gl2.getUniformLocation(this.program, 'u_viewport'), gl2.drawingBufferWidth, gl2.drawingBufferHeight);
      // Hundreds of units under way at once are drawn smaller: less clutter where they bunch up
      // on shared routes, and a third of the pixels to shade (software GL is fill-bound).
      const radius = this.unitsUnderWay > 200 ? this.radius * 0.6 : this.radius;
      gl2.uniform1f(gl2.getUniformLocation(this.program, 'u_radius'), radius * ratio);
      gl2.bindVertexArray(this.vao);
      gl2.drawElements(gl2.TRIANGLES, this.unitQuads * 6, gl2.UNSIGNED_INT, 0);
    }
    gl2.bindVertexArray(null);
  }

  onRemove(_map: MaplibreMap, gl: WebGL2RenderingContext): void {
    for (const b of [this.unitBuffer, this.trailBuffer, this.indexBuffer]) if (b) gl.deleteBuffer(b);
    if (this.vao) gl.deleteVertexArray(this.vao);
    if (this.trailVao) gl.deleteVertexArray(this.trailVao);
    if (this.program) gl.deleteProgram(this.program);
    if (this.trailProgram) gl.deleteProgram(this.trailProgram);
    this.unitBuffer = null;
    this.trailBuffer = null;
    this.indexBuffer = null;
    this.indexQuads = 0;
    this.vao = null;
    this.trailVao = null;
    this.program = null;
    this.trailProgram = null;
    this.map = null;
  }
}
