-module(guard_records).
-export([main/0, id/1]).

-record(circle, {r = 1}).
-record(rect, {w = 1, h = 1}).
-record(tri, {a, b, c}).

id(X) -> X.

main() ->
    Shapes = [#circle{r = 2}, #rect{w = 3, h = 4}, #rect{w = 5, h = 5}, #tri{a = 3, b = 4, c = 5},
              #tri{a = 1, b = 1, c = 5}, {circle}, {rect, 1, 2, 3}, #circle{r = -1}, not_a_shape],
    [erlang:display({S, kind(S), area(S)}) || S <- [id(X) || X <- Shapes]],
    erlang:display([S || S <- Shapes, is_record(S, rect)]),
    erlang:display(lists:filter(fun(S) -> is_record(S, circle, 2) end, Shapes)),
    ok.

kind(S) when is_record(S, circle), S#circle.r > 0 -> circle;
kind(S) when is_record(S, rect), S#rect.w =:= S#rect.h -> square;
kind(S) when is_record(S, rect) -> rectangle;
kind(#tri{a = A, b = B, c = C}) when A + B > C, A + C > B, B + C > A -> triangle;
kind(#tri{}) -> degenerate;
kind(_) -> unknown.

area(#circle{r = R}) when R > 0 -> 3 * R * R;
area(#rect{w = W, h = H}) -> W * H;
area(#tri{a = A, b = B, c = C}) when A + B > C ->
    S = (A + B + C) / 2,
    round(math:sqrt(S * (S - A) * (S - B) * (S - C)));
area(_) -> none.
