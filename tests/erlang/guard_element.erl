-module(guard_element).
-export([main/0, id/1]).

id(X) -> X.

main() ->
    Vals = [{point, 1, 2}, {point, 0, 0}, {circle, {0, 0}, 5}, {circle, {1, 1}, 0},
            {line}, [1, 2, 3], [x], "hello", {}, 7, {point, a, b}],
    [erlang:display({V, shape(V), headtail(V)}) || V <- [id(X) || X <- Vals]],
    ok.

shape(T) when element(1, T) =:= point, element(2, T) =:= 0, element(3, T) =:= 0 -> origin;
shape(T) when element(1, T) =:= point, is_integer(element(2, T)) -> point;
shape(T) when element(1, element(2, T)) =:= element(2, element(2, T)), element(3, T) > 0 -> diagonal_circle;
shape(T) when element(1, T) =:= circle -> circle;
shape(T) when tuple_size(T) =:= 1, element(1, T) =:= line -> line;
shape(_) -> other.

headtail(L) when hd(L) =:= 1, hd(tl(L)) =:= 2 -> starts_12;
headtail(L) when tl(L) =:= [] -> single;
headtail(L) when hd(L) >= $a, length(L) > 3 -> word;
headtail(_) -> other.
