-module(conv_io_lib).
-export([main/0]).

show(F, A) -> erlang:display(lists:flatten(io_lib:format(F, A))).

main() ->
    show("~w", [{a, "b", <<"c">>, [1, 2]}]),
    show("~p", [{a, "b", <<"c">>, [1, 2]}]),
    show("~s and ~s", ["str", <<"bin">>]),
    show("~b ~.16B ~.2b ~.36B", [42, 255, 5, 1295]),
    show("~8.2f|~e|~g", [3.14159, 12345.678, 0.0001]),
    show("~10s|~-10s|", ["right", "left"]),
    show("~c~c~c", [$a, $b, $c]),
    show("~5c", [$x]),
    show("~~ ~n", []),
    show("~i~w", [ignored, shown]),
    show("~x", [1, "pre"]),
    show("~.3e", [1.0]),
    show("~p", [lists:seq(1, 30)]),
    show("~p", ["a string"]),
    show("~w", ["a string"]),
    show("~p", [#{b => 2, a => 1}]),
    show("~tp", [[1000, 2000]]),
    show("~ts", [[20320, 22909]]),
    show("~w ~w", [1.5, -0.0]),
    show("~p", [{deeply, [nested, {structure, with, many, elements, that, should, probably, wrap, around, 'when', printed}]}]),
    erlang:display(io_lib:write(foo)),
    erlang:display(lists:flatten(io_lib:write([1, {2}]))),
    erlang:display(io_lib:write_atom('needs quoting')),
    erlang:display(lists:flatten(io_lib:write_string("q\"s"))),
    erlang:display(io_lib:printable_list("abc")),
    erlang:display(io_lib:printable_list([1, 2])),
    erlang:display(lists:flatten(io_lib:fwrite("~3..0B", [7]))),
    erlang:display(io_lib:char_list("abc")),
    erlang:display(lists:flatten(io_lib:format("~s", [[$a, [$b, <<"c">>]]]))),
    ok.
