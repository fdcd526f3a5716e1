-module(tuple_large).
-export([main/0]).

main() ->
    T = list_to_tuple([I * I || I <- lists:seq(1, 5000)]),
    erlang:display(tuple_size(T)),
    erlang:display(element(5000, T)),
    erlang:display(element(2500, T)),
    T2 = setelement(1, T, first),
    erlang:display({element(1, T2), element(1, T)}),
    erlang:display(lists:sum(tuple_to_list(T))),
    Arr = lists:foldl(fun(I, Acc) -> setelement(I, Acc, I * 2) end, erlang:make_tuple(1000, 0), lists:seq(1, 1000)),
    erlang:display(lists:sum(tuple_to_list(Arr))),
    erlang:display(binsearch(T, 1234 * 1234)),
    erlang:display(binsearch(T, 1234 * 1234 + 1)),
    erlang:display(tuple_size(erlang:make_tuple(100000, x))),
    erlang:display(T < setelement(5000, T, 0)),
    erlang:display(T == list_to_tuple(tuple_to_list(T))),
    erlang:display(erlang:phash2(T)),
    ok.

binsearch(T, V) -> binsearch(T, V, 1, tuple_size(T)).
binsearch(_, _, Lo, Hi) when Lo > Hi -> not_found;
binsearch(T, V, Lo, Hi) ->
    Mid = (Lo + Hi) div 2,
    case element(Mid, T) of
        V -> {found, Mid};
        X when X < V -> binsearch(T, V, Mid + 1, Hi);
        _ -> binsearch(T, V, Lo, Mid - 1)
    end.
